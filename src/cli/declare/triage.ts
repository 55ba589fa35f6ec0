// Declares the triage commands: doctor, triage (owned by the triage work).
import type { DeclareCommands } from './types.js';

/** doctor, triage (owned by the triage work). */
export const declareTriageCommands: DeclareCommands = (program, { io, setCode }) => {
  program
    .command('doctor')
    .description(
      'check the engine, machine, cluster, ports, disk and memory; print the status table (exit 3 when not healthy)',
    )
    .option(
      '-f, --file <path>',
      'config file (default: ./tarmac.yaml when present; without one only the host is checked)',
    )
    .option('--json', 'print the status and verdicts as JSON')
    .option('--suite <name>', 'check each cluster of this suite (a table per cluster)')
    .action(async (opts: { file?: string; json?: boolean; suite?: string }) => {
      const { doctorCommand } = await import('../commands/doctor.js');
      setCode(await doctorCommand(opts, io));
    });

  program
    .command('triage')
    .argument('[run]', 'run id (or a unique prefix) under .tarmac/runs; default: the latest run')
    .description('triage a saved run again: collect evidence, name the root cause, rewrite triage.json and triage.md')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--json', 'print the triage as JSON')
    .action(async (runId: string | undefined, opts: { file?: string; json?: boolean }) => {
      const { triageCommand } = await import('../commands/triage.js');
      setCode(await triageCommand(runId, opts, io));
    });
};
