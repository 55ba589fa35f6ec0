const declareReportCommands = (program, { io, setCode }) => {
  program.command("report").description(
    "print the report of a run (default: the latest): summary, component status, timeline vs expected, root causes, actions"
  ).argument("[run]", "run id (a unique prefix is enough) or run directory; default: the latest run in .tarmac/runs").option("-f, --file <path>", "config file (default: ./tarmac.yaml)").option("--html <file>", "also write the self-contained HTML page (timeline as an SVG Gantt chart) to this file").option("--json", "print the report data as JSON instead of markdown").action(async (run, opts) => {
    const { reportCommand } = await import("../commands/report.js");
    setCode(await reportCommand(run, opts, io));
  });
};
export {
  declareReportCommands
};
//# sourceMappingURL=report.js.map
