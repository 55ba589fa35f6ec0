import { clusterName, conf } from "./evidence-facts.js";
import { outputMatching } from "./infra-markers.js";
const JOB = /BackoffLimitExceeded|reache?d? the specified backoff limit|DeadlineExceeded|was active longer than specified deadline|Job failed:/i;
const jobFailed = {
  id: "job-failed",
  title: "A Job failed (backoff limit or deadline exceeded)",
  refs: ["corpus: job-failed"],
  match(input) {
    const lines = outputMatching(input, JOB, 3, ["deploy", "test", "pod"]);
    if (lines.length === 0) return void 0;
    const deadline = /DeadlineExceeded|longer than specified deadline/i.test(lines.join("\n"));
    const name = clusterName(input);
    return {
      confidence: conf(0.8),
      explains: ["timeout", "connection-refused"],
      summary: deadline ? "A Job ran longer than its activeDeadlineSeconds and was failed: its work is too slow or waits on something it cannot reach." : "A Job's pods kept failing until its backoffLimit was reached: the job's command fails (its pod logs say why).",
      evidence: lines,
      actions: [
        `kubectl --context kind-${name} get jobs -A`,
        `kubectl --context kind-${name} logs job/<job> --all-containers --tail=50`,
        `kubectl --context kind-${name} describe job <job>`
      ]
    };
  }
};
export {
  jobFailed
};
//# sourceMappingURL=job-failed.js.map
