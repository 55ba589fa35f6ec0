import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { CancelledError, InternalError, TarmacError } from "../../errors/errors.js";
import { reviveError } from "./job.js";
async function runContextJob(job, signal) {
  const what = job.op === "list" ? "listing a build context" : "hashing a build context";
  throwIfAborted(signal, what);
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = startWorker(job);
    } catch (err) {
      reject(
        new InternalError(
          `Cannot start the context hash worker: ${err instanceof Error ? err.message : String(err)}`,
          err
        )
      );
      return;
    }
    let settled = false;
    const finish = (fn) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => {
      try {
        throwIfAborted(signal, what);
      } catch (err) {
        reject(err);
      }
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.once(
      "message",
      (outcome) => finish(() => outcome.ok ? resolve(outcome.value) : reject(reviveError(outcome.error)))
    );
    worker.once(
      "error",
      (err) => finish(() => reject(new InternalError(`The context hash worker failed: ${err.message}`, err)))
    );
    worker.once(
      "exit",
      (code) => finish(() => reject(new InternalError(`The context hash worker exited (code ${code}) without an answer`)))
    );
  });
}
function throwIfAborted(signal, what) {
  if (!signal?.aborted) return;
  if (signal.reason instanceof TarmacError) throw signal.reason;
  throw new CancelledError(`Cancelled while ${what}`);
}
function startWorker(job) {
  const compiled = new URL("./entry.js", import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData: job });
  const api = pathToFileURL(
    createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")
  ).href;
  const entry = new URL("./entry.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
  return new Worker(code, { eval: true, workerData: job });
}
export {
  runContextJob
};
//# sourceMappingURL=run.js.map
