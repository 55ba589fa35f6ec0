import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect } from "node:net";
const failed = (message) => ({ ready: false, message: `Readiness probe failed: ${message}` });
function runProbe(action, target, cli) {
  if (action.type === "exec") return execProbe(action.command, target, cli);
  const address = target.hostPorts[String(action.port)];
  if (!address)
    return Promise.resolve(
      failed(`container port ${action.port} is not published to the host, so tarmac cannot probe it`)
    );
  return action.type === "httpGet" ? httpProbe(action.scheme, address, action.path, target.timeoutMs) : tcpProbe(address, target.timeoutMs);
}
function httpProbe(scheme, address, path, timeoutMs) {
  const url = `${scheme.toLowerCase()}://${address}${path.startsWith("/") ? path : `/${path}`}`;
  const request = scheme === "HTTPS" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: "GET", timeout: timeoutMs, rejectUnauthorized: false, headers: { "user-agent": "tarmac-probe" } },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        resolve(
          status >= 200 && status < 400 ? { ready: true } : failed(`HTTP probe failed with statuscode: ${status}`)
        );
      }
    );
    req.on(
      "timeout",
      () => req.destroy(new Error(`context deadline exceeded (Client.Timeout exceeded while awaiting headers)`))
    );
    req.on("error", (error) => resolve(failed(`Get "${url}": ${error.message}`)));
    req.end();
  });
}
function tcpProbe(address, timeoutMs) {
  const [host = "127.0.0.1", port = "0"] = address.split(":");
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port), timeout: timeoutMs });
    socket.once("connect", () => {
      socket.destroy();
      resolve({ ready: true });
    });
    socket.once("timeout", () => socket.destroy(new Error("i/o timeout")));
    socket.once("error", (error) => resolve(failed(`dial tcp ${address}: ${error.message}`)));
  });
}
async function execProbe(command, target, cli) {
  if (command.length === 0) return failed("exec probe has no command");
  const result = await cli.run(["exec", target.containerId, ...command], {
    timeoutMs: target.timeoutMs,
    signal: target.signal,
    tailLines: 5
  });
  if (result.ok) return { ready: true };
  const output = result.tail.join(" ").trim();
  return failed(
    result.timedOut ? `command timed out after ${target.timeoutMs}ms` : `exit code ${String(result.exitCode)}${output ? `: ${output}` : ""}`
  );
}
export {
  httpProbe,
  runProbe,
  tcpProbe
};
//# sourceMappingURL=probe-actions.js.map
