import { ciStage } from "./ci-stage.js";
import { interruptionOf } from "./signals.js";
async function afterRun(input) {
  if (input.outcome === "cancelled") return;
  if (input.outcome === "failed") {
    const [{ triageStage }, { reportStage }] = await Promise.all([
      import("./triage-stage.js"),
      import("./report-stage.js")
    ]);
    await triageStage(input);
    reportStage(input);
  }
  await ciStage(input);
}
async function afterThrow(input) {
  input.session.close();
  await afterRun({ ...input, outcome: interruptionOf(input.error) ? "cancelled" : "failed" });
}
export {
  afterRun,
  afterThrow
};
//# sourceMappingURL=after-run.js.map
