// What triage reads of `kind export logs`: per node, the abnormal lines of the kubelet, containerd and the node's
// journal (the first place an engineer looks for a node that will not boot or a kubelet that will not start).
// Bounded: only the tail of each file is read and only the last few abnormal lines are kept; redacted.
import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from '../../redact/patterns.js';
import type { KindLogLine } from '../types.js';

/** The per-node files `kind export logs` writes that carry the node's daemons' words. */
export const NODE_LOG_FILES = ['kubelet.log', 'containerd.log', 'journal.log'] as const;

/** Bytes read from the end of each file: a kubelet restarting in a loop repeats itself, the tail holds its last words. */
const TAIL_BYTES = 256 * 1024;
/** Abnormal lines kept per file (the last ones). */
const LINES_PER_FILE = 8;

/** journald's `Mon DD HH:MM:SS host unit[pid]: ` prefix, which `journalctl` puts on every line. */
const JOURNAL_PREFIX = /^\s*[A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d \S+ +[A-Za-z0-9_.@-]+(?:\[\d+\])?: ?/;

/** klog's error and fatal levels (`E0223 08:39:04.644296 ...`), and the words of a daemon that failed. */
// systemd's `Freezing execution.` is PID 1 giving up (its own crash handling); the kubelet's eviction manager logs
// the resource it must reclaim at info level (`must evict pod(s) to reclaim ephemeral-storage`).
const ABNORMAL =
  /^[EF]\d{4} |\b(error|failed|failure|fatal|panic|refused|unable to|cannot|not found)\b|Freezing execution|eviction manager: (?:must evict|attempting to reclaim)/i;

/** The abnormal lines of every node's logs under `dir` (nodes and files in name order); empty when there are none. */
export function readKindLogLines(dir: string): KindLogLine[] {
  if (!existsSync(dir)) return [];
  const out: KindLogLine[] = [];
  for (const node of readdirSync(dir).sort()) {
    const nodeDir = join(dir, node);
    if (!statSync(nodeDir).isDirectory()) continue;
    // journal.log holds the kubelet's and containerd's lines again: each line once per node, from its own file.
    const seen = new Set<string>();
    for (const name of NODE_LOG_FILES) {
      const path = join(nodeDir, name);
      if (!existsSync(path)) continue;
      const file = `${node}/${name}`;
      for (const text of abnormalLines(tail(path))) {
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ file, text });
      }
    }
  }
  return out;
}

/** The last abnormal messages of a log's text (journal prefixes stripped, repeats kept once), redacted. */
export function abnormalLines(text: string): string[] {
  const kept: string[] = [];
  for (const raw of text.split('\n')) {
    const message = raw.replace(JOURNAL_PREFIX, '').trim();
    if (message === '' || !ABNORMAL.test(message)) continue;
    const clean = redactSecrets(message);
    const at = kept.indexOf(clean);
    if (at >= 0) kept.splice(at, 1);
    kept.push(clean);
  }
  return kept.slice(-LINES_PER_FILE);
}

function tail(path: string): string {
  const size = statSync(path).size;
  const length = Math.min(size, TAIL_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  // A tail that starts mid-line drops that partial line.
  return size > length ? text.slice(text.indexOf('\n') + 1) : text;
}
