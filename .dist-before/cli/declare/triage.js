const declareTriageCommands = (program, { io, setCode }) => {
  program.command("doctor").description(
    "check the engine, machine, cluster, ports, disk and memory; print the status table (exit 3 when not healthy)"
  ).option(
    "-f, --file <path>",
    "config file (default: ./tarmac.yaml when present; without one only the host is checked)"
  ).option("--json", "print the status and verdicts as JSON").action(async (opts) => {
    const { doctorCommand } = await import("../commands/doctor.js");
    setCode(await doctorCommand(opts, io));
  });
  program.command("triage").argument("[run]", "run id (or a unique prefix) under .tarmac/runs; default: the latest run").description("triage a saved run again: collect evidence, name the root cause, rewrite triage.json and triage.md").option("-f, --file <path>", "config file (default: ./tarmac.yaml)").option("--json", "print the triage as JSON").action(async (runId, opts) => {
    const { triageCommand } = await import("../commands/triage.js");
    setCode(await triageCommand(runId, opts, io));
  });
};
export {
  declareTriageCommands
};
//# sourceMappingURL=triage.js.map
