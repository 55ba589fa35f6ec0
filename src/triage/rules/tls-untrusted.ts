// TLS verification failed: x509 "certificate signed by unknown authority", a certificate for another name, a
// self-signed certificate (Go's crypto/x509, OpenSSL, curl). A registry or server with a private CA the engine,
// the node or the tool does not trust. A certificate not valid yet is clock-skew's; one that expired is named here
// below 50% (a wrong clock prints the same words).
import type { Match, Rule, TriageInput } from '../types.js';
import { clockBehind } from './clock-skew.js';
import { conf, engineCmd } from './evidence-facts.js';
import { markerRe, outputMatching, outputTexts } from './infra-markers.js';

/** Go's words for a server that does not speak TLS (net/http's and crypto/tls's). */
const PLAIN = /server gave HTTP response to HTTPS client|first record does not look like a TLS handshake/i;
/** crypto/tls's report of the peer's alert: the server refused the client's certificate. */
const REMOTE = /remote error: tls: /i;
/**
 * A certificate past its NotAfter by this machine's clock: Go's `current time X is after Y`, OpenSSL's and curl's
 * `certificate has expired` alone, Node's `CERT_HAS_EXPIRED`, rustls's `invalid peer certificate: Expired`. A truly
 * expired certificate is the likelier reading, a clock ahead the other (clock-skew), so below 50%.
 */
const EXPIRED =
  /current time \S+ is after|certificate has expired(?! or\b)|\bCERT_HAS_EXPIRED\b|invalid peer certificate(?: contents)?: Expired/i;
/** The ambiguous form without times (older Go): a wrong clock ranks first (clock-skew 45%), this second. */
const BOTH = /expired or is not yet valid(?!: current time)/i;

export const tlsUntrusted: Rule = {
  id: 'tls-untrusted',
  title: "A server's TLS certificate is not trusted (x509)",
  refs: ['corpus: tls'],
  match(input: TriageInput): Match | undefined {
    // Whole lines decide (a validity-window error may come after the part a quote keeps).
    const texts = outputTexts(input, markerRe('tls'), 3).filter((t) => !markerRe('clock').test(t));
    const lines = outputMatching(input, markerRe('tls'), 3).filter((l) => !markerRe('clock').test(l));
    if (texts.length === 0 || lines.length === 0) return expired(input);
    const host = /https?:\/\/([\w.-]+(?::\d+)?)/.exec(texts.join('\n'))?.[1];
    const cmd = engineCmd(input);
    // The server answered in plain HTTP where TLS was expected: a registry served without TLS (mark it insecure).
    const plain = texts.every((t) => PLAIN.test(t));
    // The server refused this client's certificate (mutual TLS): the peer's verification, not ours.
    const refusedOurs = texts.every((t) => REMOTE.test(t));
    return {
      confidence: conf(plain ? 0.6 : refusedOurs ? 0.7 : 0.85),
      explains: ['tls'],
      summary: plain
        ? `${host ?? 'The server'} answered in plain HTTP where the client expected TLS: a registry or server without TLS that the engine (or the node's containerd) is not configured to reach as insecure, or the wrong port.`
        : refusedOurs
          ? `The server ${host ?? ''} refused this client's TLS certificate (mutual TLS): the client certificate is missing, expired or issued by a CA the server does not trust.`
          : `TLS verification of ${host ?? 'the server'} failed: its certificate is not signed by a CA this tool trusts (a private or self-signed CA, a TLS-intercepting proxy) or is not valid for that name.`,
      evidence: lines,
      actions: [
        `openssl s_client -connect ${host?.includes(':') ? host : `${host ?? '<host>'}:443`} -showcerts </dev/null | openssl x509 -noout -issuer -subject -dates`,
        `${cmd === 'podman' ? `sudo mkdir -p /etc/containers/certs.d/${host ?? '<host>'} && sudo cp ca.crt /etc/containers/certs.d/${host ?? '<host>'}/` : `sudo mkdir -p /etc/docker/certs.d/${host ?? '<host>'} && sudo cp ca.crt /etc/docker/certs.d/${host ?? '<host>'}/`}   # trust the CA`,
        "for kind nodes: add the CA to the node image or containerd's registry config (containerdConfigPatches)",
      ],
    };
  },
};

/** A certificate that expired (EXPIRED), or the bare ambiguous form, below 50%; not one that is not valid yet. */
function expired(input: TriageInput): Match | undefined {
  const texts = outputTexts(input, markerRe('clock'), 3);
  const text = texts.join('\n');
  if (clockBehind(text)) return undefined;
  const stated = EXPIRED.test(text);
  if (!stated && !BOTH.test(text)) return undefined;
  const host = /https?:\/\/([\w.-]+(?::\d+)?)/.exec(text)?.[1];
  return {
    confidence: conf(stated ? 0.45 : 0.4),
    explains: ['tls', 'clock'],
    summary: `The certificate of ${host ?? 'the server'} (or of a CA in its chain) has expired by this machine's clock: most often it really expired (renew it, or update the CA bundle of an old image), else this clock is ahead.`,
    evidence: outputMatching(input, markerRe('clock'), 3),
    actions: [
      `openssl s_client -connect ${host?.includes(':') ? host : `${host ?? '<host>'}:443`} -showcerts </dev/null | openssl x509 -noout -dates`,
      'date -u   # is this clock right?',
      'update the ca-certificates package of the image or host (an expired root still trusted there)',
    ],
  };
}
