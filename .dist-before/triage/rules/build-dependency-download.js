import { conf } from "./evidence-facts.js";
import { MARKERS, outputMatching } from "./infra-markers.js";
import { failedSteps } from "./journal-facts.js";
import { DROPPED } from "./engine-runtime-crash.js";
const NET = ["network", "timeout", "dns", "connection-refused", "proxy", "tls"];
const NET_RE = new RegExp(
  MARKERS.filter((m) => NET.includes(m.id)).map((m) => m.re.source).join("|"),
  "im"
);
const BASE_PULL = /pinging container registry|initializing source docker:|failed to resolve source metadata|error creating build container|creating build container/i;
const ENGINE_API = /\/libpod\/|podman\.sock|docker\.sock|%2Fvar%2Frun%2Fdocker\.sock|docker_engine|containerd\.sock|buildkitd\.sock/i;
const GONE = /No URLs in mirrorlist|404\s+Not Found \[IP|does not have a Release file|Failed to fetch .* 404/i;
const buildDependencyDownload = {
  id: "build-dependency-download",
  title: "A build step could not download a dependency (network, mirror or proxy)",
  refs: ["corpus: build-dependency-download"],
  match(input) {
    const builds = failedSteps(input.run).filter((f) => f.kind === "build" && f.error?.code === "BUILD_FAILED");
    if (builds.length === 0) return void 0;
    const lines = outputMatching(input, NET_RE, 3, ["build"]).filter(
      (l) => !BASE_PULL.test(l) && !ENGINE_API.test(l) && !DROPPED.test(l)
    );
    if (lines.length === 0) return void 0;
    const text = lines.join("\n");
    const gone = GONE.test(text);
    const host = /https?:\/\/([\w.-]+)/.exec(text)?.[1] ?? /(?:resolving|resolve host:?) '?([\w.-]+)/i.exec(text)?.[1];
    const image = builds[0].subject ?? builds[0].stepId.replace(/^build:/, "");
    return {
      confidence: conf(0.85),
      explains: NET,
      summary: `Image ${image}: a RUN step could not download a dependency${host ? ` from ${host}` : ""}: ${gone ? "the repository or mirror no longer serves it (e.g. an end-of-life distribution moved to an archive)" : "the network, DNS or a proxy failed the download (often transient)"}. The instruction itself is not wrong.`,
      evidence: lines,
      actions: [
        gone ? "point the package manager at the archive/vault mirror, or move the base image to a supported release" : `tarmac build --only ${image}   # retry: a transient outage passes`,
        `podman run --rm <base image> sh -c 'getent hosts ${host ?? "<host>"}'   # does the build network resolve and reach it?`,
        "behind a proxy: pass HTTP_PROXY/HTTPS_PROXY as build args"
      ]
    };
  }
};
export {
  buildDependencyDownload
};
//# sourceMappingURL=build-dependency-download.js.map
