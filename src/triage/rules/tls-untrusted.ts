// TLS verification failed: x509 "certificate signed by unknown authority", a certificate for another name, a
// self-signed certificate (Go's crypto/x509, OpenSSL, curl). A registry or server with a private CA the engine,
// the node or the tool does not trust. Validity-window errors (expired, not yet valid) are clock-skew's.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, engineCmd } from './evidence-facts.js';
import { markerRe, outputMatching, outputTexts } from './infra-markers.js';

export const tlsUntrusted: Rule = {
  id: 'tls-untrusted',
  title: "A server's TLS certificate is not trusted (x509)",
  refs: ['corpus: tls'],
  match(input: TriageInput): Match | undefined {
    // Whole lines decide (a validity-window error may come after the part a quote keeps).
    const texts = outputTexts(input, markerRe('tls'), 3).filter((t) => !markerRe('clock').test(t));
    const lines = outputMatching(input, markerRe('tls'), 3).filter((l) => !markerRe('clock').test(l));
    if (texts.length === 0 || lines.length === 0) return undefined;
    const host = /https?:\/\/([\w.-]+(?::\d+)?)/.exec(texts.join('\n'))?.[1];
    const cmd = engineCmd(input);
    return {
      confidence: conf(0.85),
      explains: ['tls'],
      summary: `TLS verification of ${host ?? 'the server'} failed: its certificate is not signed by a CA this tool trusts (a private or self-signed CA, a TLS-intercepting proxy) or is not valid for that name.`,
      evidence: lines,
      actions: [
        `openssl s_client -connect ${host?.includes(':') ? host : `${host ?? '<host>'}:443`} -showcerts </dev/null | openssl x509 -noout -issuer -subject -dates`,
        `${cmd === 'podman' ? `sudo mkdir -p /etc/containers/certs.d/${host ?? '<host>'} && sudo cp ca.crt /etc/containers/certs.d/${host ?? '<host>'}/` : `sudo mkdir -p /etc/docker/certs.d/${host ?? '<host>'} && sudo cp ca.crt /etc/docker/certs.d/${host ?? '<host>'}/`}   # trust the CA`,
        "for kind nodes: add the CA to the node image or containerd's registry config (containerdConfigPatches)",
      ],
    };
  },
};
