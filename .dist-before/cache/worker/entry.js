import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { runJob } from "./job.js";
if (!isMainThread && parentPort) parentPort.postMessage(runJob(workerData));
//# sourceMappingURL=entry.js.map
