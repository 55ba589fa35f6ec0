function forwardArgs(sp, localPort) {
  return [
    "port-forward",
    "-n",
    sp.namespace,
    `svc/${sp.service}`,
    `${String(localPort)}:${String(sp.port)}`,
    "--address",
    "127.0.0.1"
  ];
}
function forwardingTo(line, localPort) {
  const match = /^Forwarding from 127\.0\.0\.1:(\d+) -> (\d+)$/.exec(line.trim());
  return match && Number(match[1]) === localPort ? Number(match[2]) : void 0;
}
function startForward(tools, sp, localPort, signal, onLine = () => {
}) {
  let markReady = () => {
  };
  const ready = new Promise((resolve) => {
    markReady = resolve;
  });
  const ended = tools.kubectlUntilStopped(forwardArgs(sp, localPort), {
    signal,
    // kubectl ends at once on SIGTERM; a long grace would only delay tarmac's exit.
    killGraceMs: 1e3,
    onLine: (line) => {
      const podPort = forwardingTo(line, localPort);
      if (podPort !== void 0) markReady({ podPort });
      else onLine(line);
    }
  });
  return {
    ended,
    // Whichever comes first: the ready line, or the end of kubectl (then it never got ready).
    ready: Promise.race([
      ready,
      ended.then((result) => {
        throw Object.assign(new Error("kubectl port-forward ended before it listened"), { result });
      })
    ])
  };
}
export {
  forwardArgs,
  forwardingTo,
  startForward
};
//# sourceMappingURL=port-forward.js.map
