// Live TTY view: one line per step (state, elapsed, last output line, or why a pending step waits), redrawn in
// place, under a header with the expected time left.
import type { TarmacEvent } from '../events/types.js';
import { formatDuration } from '../config/duration.js';
import type { Colors } from './colors.js';
import { clip, stateSymbol, stateWord } from './step-words.js';
import { StepTable, type StepRow } from './step-table.js';
import { timeLeft } from './time-left.js';
import { waitReason } from './wait-reason.js';

export interface TtyViewOptions {
  write: (text: string) => void;
  colors: Colors;
  columns: () => number;
  now: () => number;
  /** Redraw interval in ms while steps run (elapsed times tick). */
  refreshMs?: number;
}

export interface TtyView {
  listener: (event: TarmacEvent) => void;
  /** Draws the final frame and stops the timer. */
  stop(): void;
}

/** Creates the live view; the caller subscribes `listener` to the bus and calls stop() at the end. */
export function ttyView(options: TtyViewOptions): TtyView {
  const { write, colors: c } = options;
  const table = new StepTable();
  let drawnLines = 0;
  let header = '';
  // Decisions, probes and incidents, newest last: shown under the table so the live view is never silent about them.
  const notes: string[] = [];
  const note = (text: string) => {
    notes.push(text);
    if (notes.length > 5) notes.shift();
  };

  const line = (row: StepRow): string => {
    const elapsed = row.state === 'running' && row.startedAt ? options.now() - row.startedAt : row.durationMs;
    const time =
      elapsed === undefined || row.state === 'cached' || row.state === 'skipped' ? '' : formatDuration(elapsed);
    const tailText =
      row.state === 'running' ? row.lastLine : row.state === 'pending' ? waitReason(row, table) : row.detail;
    const head = `${stateSymbol(row.state, c)} ${row.id.padEnd(28)} ${stateWord(row.state, row.kind).padEnd(9)} ${time.padStart(7)}`;
    const room = options.columns() - head.length - 2;
    return tailText && room > 10 ? `${head}  ${c.dim(clip(tailText, room))}` : head;
  };

  // The run's header, and while steps are left, how long they are expected to take (as `tarmac plan` predicts).
  const headerLine = (): string => {
    const left = timeLeft(table, options.now());
    if (!left) return header;
    if (!left.known) return `${header} ${c.dim('· time left unknown: no history yet')}`;
    const partly = left.learnedSteps < left.steps ? ` (history for ${left.learnedSteps} of ${left.steps} steps)` : '';
    return `${header} · ≈ ${formatDuration(left.ms)} left${c.dim(partly)}`;
  };

  const draw = () => {
    const room = options.columns() - 2;
    const lines = [headerLine(), ...[...table.rows.values()].map(line), ...notes.map((n) => clip(n, room))];
    // Move up over the previous frame and clear it, then draw the new one.
    const up = drawnLines > 0 ? `\x1b[${drawnLines}A\x1b[0J` : '';
    write(`${up}${lines.join('\n')}\n`);
    drawnLines = lines.length;
  };

  const timer = setInterval(draw, options.refreshMs ?? 200);
  timer.unref();

  return {
    listener(event) {
      if (event.type === 'run.started')
        header = c.bold(`tarmac ${event.command} · run ${event.runId} · engine capacity ${event.capacity}`);
      table.apply(event);
      if (event.type === 'decision') note(`${c.yellow('!')} ${event.message}`);
      if (event.type === 'probe')
        note(
          `${event.ok ? c.green('♥') : c.red('♥')} engine probe: ${event.ok ? 'healthy' : 'FAILED'} · ${event.detail}`,
        );
      if (event.type === 'incident') note(`${c.red('!')} incident ${event.kind}: ${event.message} → ${event.action}`);
      if (
        ['step.started', 'step.finished', 'run.started', 'decision', 'probe', 'incident', 'resource'].includes(
          event.type,
        )
      )
        draw();
    },
    stop() {
      clearInterval(timer);
      if (header) draw();
    },
  };
}
