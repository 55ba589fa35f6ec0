import { conf, engineCmd } from "./evidence-facts.js";
import { markerRe, outputMatching } from "./infra-markers.js";
const tlsUntrusted = {
  id: "tls-untrusted",
  title: "A server's TLS certificate is not trusted (x509)",
  refs: ["corpus: tls"],
  match(input) {
    const lines = outputMatching(input, markerRe("tls"), 3).filter((l) => !markerRe("clock").test(l));
    if (lines.length === 0) return void 0;
    const host = /https?:\/\/([\w.-]+(?::\d+)?)/.exec(lines.join("\n"))?.[1];
    const cmd = engineCmd(input);
    return {
      confidence: conf(0.85),
      explains: ["tls"],
      summary: `TLS verification of ${host ?? "the server"} failed: its certificate is not signed by a CA this tool trusts (a private or self-signed CA, a TLS-intercepting proxy) or is not valid for that name.`,
      evidence: lines,
      actions: [
        `openssl s_client -connect ${host?.includes(":") ? host : `${host ?? "<host>"}:443`} -showcerts </dev/null | openssl x509 -noout -issuer -subject -dates`,
        `${cmd === "podman" ? `sudo mkdir -p /etc/containers/certs.d/${host ?? "<host>"} && sudo cp ca.crt /etc/containers/certs.d/${host ?? "<host>"}/` : `sudo mkdir -p /etc/docker/certs.d/${host ?? "<host>"} && sudo cp ca.crt /etc/docker/certs.d/${host ?? "<host>"}/`}   # trust the CA`,
        "for kind nodes: add the CA to the node image or containerd's registry config (containerdConfigPatches)"
      ]
    };
  }
};
export {
  tlsUntrusted
};
//# sourceMappingURL=tls-untrusted.js.map
