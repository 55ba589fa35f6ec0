// The engine's service stopped reading a build's context in the middle of the upload. podman's remote client (podman
// machine on macOS/Windows, podman-remote) streams the context as a tar through an io.Pipe into its POST to
// `/libpod/build`; when that request ends early its writer gets Go's io.ErrClosedPipe, `io: read/write on closed pipe`,
// in one of the client's forms:
// - its multi-error report: `ERRO[0005] 1 error occurred:` / `* io: read/write on closed pipe`
//   (containers/podman#18627, the machine's VM crashed on the build);
// - the request's error: `Error: Post "http://d/v2.0.0/libpod/build?...": io: read/write on closed pipe`
//   (containers/podman#8845, the connection cut during a long upload);
// - its tar writer's: `Can't add file X to tar: io: read/write on closed pipe`, `Can't close tar writer: io: read/write
//   on closed pipe` (open-telemetry/opentelemetry-demo#3899).
// The service crashed, or the connection to it was cut: a hint, never more than half. When the client names an error
// of its own beside it (a context file it could not read, containers/podman#18916: `* open C:\...: The file cannot be
// accessed by the system.`), the pipe closed because of that error, not the engine. Pure.
import type { TriageInput } from '../types.js';
import { quote, workloadFailed } from './evidence-facts.js';
import { failedSteps, stepLines } from './journal-facts.js';

const CLOSED_PIPE = /\bio: read\/write on closed pipe\b/;
/**
 * The build request's connection broken under it in Go's net.OpError words (golang/go src/net/net.go: `write tcp
 * 127.0.0.1:60518->127.0.0.1:50000: write: broken pipe`, `read: connection reset by peer`), as the client prints the
 * request (containers/podman#18627 shows its start: `Error: Post "http://d/v4.5.0/libpod/build?...": write tcp
 * 127.0.0.1:60518->`). Its EOF form is engine-runtime-crash's DROPPED.
 */
const REQUEST_BROKEN = /\/libpod\/build\?[^"]*":? .*(?:write: broken pipe|read: connection reset by peer)\s*$/;
/** Both forms of the cut: the pipe the context went through, or the request's connection. */
const CUT = new RegExp(`${CLOSED_PIPE.source}|${REQUEST_BROKEN.source}`);
/** The engine client's own error lines: logrus's `ERRO[...]` / `level=error`, a multi-error bullet, `Error:`. */
const CLIENT_ERROR = /^(?:ERRO\[\d+\]|time="[^"]*" level=error|\*\s|\s*\t\*\s|Error: )|level=error msg=/;
/** The multi-error heading (hashicorp/go-multierror: `1 error occurred:`, `2 errors occurred:`) names no error. */
const MULTI_HEADING = /\b\d+ errors? occurred:\s*$/;
/**
 * The build request's own error when its connection was cut (REQUEST_BROKEN, or an EOF), or its heading with the cause
 * on the next line: the same cut, not another error.
 */
const REQUEST_CUT =
  /^Error: Post "[^"]*\/libpod\/build\?[^"]*":\s*(?:.*(?:write: broken pipe|connection reset by peer|\bEOF)\s*)?$/;
/**
 * The multi-error's items inside one logrus line (`msg="1 error occurred:\n\t* open ...\n\n\n"`), each after its
 * escaped `\n\t* `.
 */
const ESCAPED_ITEM = /\\n\\t\* ([^\\]+)/g;

/** Quoted lines of a failed build where the engine stopped reading the context mid-upload; empty when not so. */
export function contextStreamCut(input: TriageInput): string[] {
  const out: string[] = [];
  for (const step of failedSteps(input.run)) {
    // A RUN step's program may print the same Go error: then the builder reports the failed instruction.
    if (step.kind !== 'build' || workloadFailed(input, step)) continue;
    const lines = stepLines(input.run, step).filter((l) => l.part !== 'message');
    const cut = lines.filter((l) => CUT.test(l.text));
    if (cut.length === 0 || lines.some((l) => namesOtherError(l.text))) continue;
    out.push(...cut.slice(0, 2).map((l) => quote(l.source, l.text)));
  }
  return [...new Set(out)].slice(0, 2);
}

/** Whether a client error line names an error other than the closed pipe (the pipe then closed because of it). */
function namesOtherError(text: string): boolean {
  const items = [...text.matchAll(ESCAPED_ITEM)].map((m) => m[1] ?? '');
  if (items.length > 0) return items.some((item) => !CLOSED_PIPE.test(item));
  const t = text.trim();
  if (!CLIENT_ERROR.test(t) || CUT.test(t)) return false;
  return !MULTI_HEADING.test(t) && !REQUEST_CUT.test(t);
}
