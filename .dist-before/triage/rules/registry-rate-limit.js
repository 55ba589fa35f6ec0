import { conf, engineCmd } from "./evidence-facts.js";
import { markerRe, outputMatching } from "./infra-markers.js";
const registryRateLimit = {
  id: "registry-rate-limit",
  title: "The registry rate-limited the pulls (429 Too Many Requests)",
  refs: ["corpus: registry-rate-limit"],
  match(input) {
    const lines = outputMatching(input, markerRe("rate-limit"), 3);
    if (lines.length === 0) return void 0;
    const hub = /docker\.io|docker\.com|registry-1\.docker/i.test(lines.join("\n"));
    const cmd = engineCmd(input);
    return {
      confidence: conf(0.9),
      explains: ["rate-limit", "registry-auth"],
      summary: `The registry${hub ? " (Docker Hub)" : ""} refused further pulls: the rate limit for this address or account was reached. The image exists; wait, authenticate, or pull from a mirror.`,
      evidence: lines,
      actions: [
        `${cmd} login ${hub ? "docker.io" : "<registry>"}   # authenticated pulls have a higher limit`,
        "use a registry mirror or pull-through cache, or pre-pull the images once and reuse them"
      ]
    };
  }
};
export {
  registryRateLimit
};
//# sourceMappingURL=registry-rate-limit.js.map
