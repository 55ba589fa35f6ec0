// Plain view for CI and pipes: one line per event, a heartbeat line while steps run, no cursor movement.
import type { TarmacEvent } from '../events/types.js';
import { formatDuration } from '../config/duration.js';
import type { Colors } from './colors.js';
import { clip, stateSymbol, stateWord } from './step-words.js';

export interface PlainViewOptions {
  write: (text: string) => void;
  colors: Colors;
  /** Also print every output line of every step. */
  verbose: boolean;
}

/** Returns an event listener that prints the plain view. */
export function plainView(options: PlainViewOptions): (event: TarmacEvent) => void {
  const { write, colors: c } = options;
  let start = 0;
  const kinds = new Map<string, string>();
  const stamp = (at: number) => c.dim(`[${formatDuration(Math.max(0, at - start)).padStart(6)}]`);
  return (event) => {
    if (start === 0) start = event.at;
    switch (event.type) {
      case 'run.started':
        start = event.at;
        for (const s of event.steps) kinds.set(s.id, s.kind);
        write(
          `${c.bold(`tarmac ${event.command}`)} · run ${event.runId} · ${event.steps.length} steps · engine capacity ${event.capacity}\n`,
        );
        return;
      case 'step.started':
        write(
          `${stamp(event.at)} ${stateSymbol('running', c)} ${event.stepId} started (engine ${event.claims.engine})${event.attempt > 1 ? ` attempt ${event.attempt}` : ''}\n`,
        );
        return;
      case 'step.output':
        if (options.verbose) write(`${stamp(event.at)}   ${c.dim(`${event.stepId} |`)} ${event.line}\n`);
        return;
      case 'step.finished': {
        const word = stateWord(event.state, kinds.get(event.stepId) ?? '');
        const took =
          event.state === 'cached' || event.state === 'skipped' || event.state === 'cancelled'
            ? ''
            : ` in ${formatDuration(event.durationMs)}`;
        const why = event.error ? `: ${event.error.message}` : event.detail ? ` · ${event.detail}` : '';
        write(`${stamp(event.at)} ${stateSymbol(event.state, c)} ${event.stepId} ${word}${took}${why}\n`);
        return;
      }
      case 'run.heartbeat': {
        const running = event.running.map(
          (r) => `${r.stepId} ${formatDuration(r.elapsedMs)}${r.lastLine ? ` (${clip(r.lastLine, 60)})` : ''}`,
        );
        if (running.length > 0) write(`${stamp(event.at)} … still running: ${running.join('; ')}\n`);
        return;
      }
      case 'decision':
        write(`${stamp(event.at)} ${c.yellow('!')} ${event.message}\n`);
        return;
      case 'probe':
        write(
          `${stamp(event.at)} ${event.ok ? c.green('♥') : c.red('♥')} engine probe${event.stepId ? ` (${event.stepId})` : ''}: ${event.ok ? 'healthy' : 'FAILED'} · ${event.detail}\n`,
        );
        return;
      case 'incident':
        write(
          `${stamp(event.at)} ${c.red('!')} ${c.bold(`incident ${event.kind}`)}: ${event.message} → ${event.action}\n`,
        );
        for (const line of event.evidence.slice(0, 5)) write(`           ${c.dim(`| ${line}`)}\n`);
        return;
      case 'resource':
      case 'step.heartbeat':
      case 'run.finished':
        return;
    }
  };
}
