import { conf } from "./evidence-facts.js";
import { markerRe, outputMatching } from "./infra-markers.js";
const proxy = {
  id: "proxy",
  title: "An HTTP(S) proxy refused or broke the connection",
  refs: ["corpus: proxy"],
  match(input) {
    const lines = outputMatching(input, markerRe("proxy"), 3);
    if (lines.length === 0) return void 0;
    const explicit = lines.some(
      (l) => /proxyconnect|Proxy Authentication|from proxy|tunneling socket|resolve proxy|connect to (?:the )?proxy|through proxy|ProxyError|407 Proxy|Proxy Error|squid|ERR_ACCESS_DENIED/i.test(
        l
      )
    );
    const host = /https?:\/\/([\w.-]+)/.exec(lines.join("\n"))?.[1];
    return {
      // A bare "Forbidden" for a whole request is how Go reports a refused CONNECT, but a server can say it too.
      confidence: conf(explicit ? 0.85 : 0.6),
      explains: ["proxy", "dns", "timeout", "connection-refused", "network", "tls"],
      summary: `The request${host ? ` to ${host}` : ""} went through an HTTP(S) proxy that ${explicit ? "refused or could not make the connection" : "answered with a bare status instead of the server (how a refused CONNECT looks)"}: the host is probably missing from NO_PROXY, or the proxy settings are not the ones the tool uses.`,
      evidence: lines,
      actions: [
        "env | grep -i _proxy",
        `add ${host ?? "the host"} (and the cluster's API address, e.g. 127.0.0.1,localhost) to NO_PROXY / no_proxy`,
        "for the engine: set the proxy in containers.conf [engine] env, or unset it for local addresses"
      ]
    };
  }
};
export {
  proxy
};
//# sourceMappingURL=proxy.js.map
