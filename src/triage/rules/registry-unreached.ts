// A registry on the internet that no server answered: the engine's (or a node's) call on a registry's API
// (`https://host/v2/`, the old `/v1/`) ended in a refused, reset or timed-out connection after its name resolved.
// Nothing answered, so the output cannot say why: a network that only lets out through an HTTP(S) proxy the engine
// is not configured with (the engine reads its own proxy settings, not the shell's), a firewall, or an outage. A
// hint for `proxy` below 50%, never more. Pure.
import type { TriageInput } from '../types.js';
import { quote } from './evidence-facts.js';
import { RESOLVER_FAILED } from './dns-resolution.js';
import { markerRe, toolOutput, type MarkerId } from './infra-markers.js';

/**
 * A call on a registry's API over https: its host and port. Also the token service a registry sends its clients to
 * (the distribution spec's token authentication: `WWW-Authenticate: Bearer realm="https://auth.docker.io/token"`, as
 * `Get "https://auth.docker.io/token?scope=...&service=registry.docker.io"` in the client's error).
 */
const REGISTRY_CALL = /https:\/\/([\w.-]+)(?::(\d+))?\/(?:v[12]\/|token\?)/i;
/** The markers of a failed connection. */
const NET: MarkerId[] = ['network', 'timeout', 'connection-refused', 'dns', 'proxy', 'tls'];
/**
 * The connection got no answer: Go's and Winsock's words for a refused, reset, unrouted or timed-out connection; Go's
 * net/http client that got no response headers in time (src/net/http/client.go, transport.go: `(Client.Timeout
 * exceeded while awaiting headers)`, `timeout awaiting response headers`). A bare `context deadline exceeded` after
 * the URL is not read: it says no more than that the caller's own deadline ran out.
 */
const NO_ANSWER =
  /request canceled while waiting for connection|awaiting (?:response )?headers|i\/o timeout|connection refused|connection reset by peer|forcibly closed by the remote host|actively refused it|network is unreachable|no route to host|TLS handshake timeout|did not properly respond/i;
/** A registry on this machine or its private network (kind's local registry, :5000): no proxy stands before it. */
const LOCAL =
  /^(?:localhost|127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|host\.(?:containers|docker)\.internal$|kind-registry)|\.(?:local|internal|lan)$|^[^.]+$/i;

/** Quoted lines where a public registry's API got no answer at all (its name resolved), and the registry's host. */
export function unreachedRegistry(input: TriageInput, max = 2): { lines: string[]; host?: string } {
  const lines: string[] = [];
  let host: string | undefined;
  for (const l of toolOutput(input)) {
    if (lines.length >= max) break;
    const call = REGISTRY_CALL.exec(l.text);
    if (!call || !NO_ANSWER.test(l.text) || markerRe('dns').test(l.text) || RESOLVER_FAILED.test(l.text)) continue;
    if (LOCAL.test(call[1]!) || (call[2] !== undefined && call[2] !== '443')) continue;
    if (NO_ROUTE.test(l.text) && IPV6.test(l.text)) continue; // a host without IPv6
    host ??= call[1];
    lines.push(quote(l.source, l.text));
  }
  return { lines, ...(host ? { host } : {}) };
}

/**
 * ENETUNREACH in each platform's words: the sender's own routing table has no route to the address, so no server
 * and no firewall on the way was ever reached (unlike a timeout, a refusal or `no route to host`, which a router or a
 * firewall's ICMP reject prints); apk names it `network error (check Internet connection and firewall)` (apk-tools
 * apk_error_str, ENETUNREACH).
 */
const NO_ROUTE =
  /network is unreachable|\bENETUNREACH\b|socket operation was attempted to an unreachable network|network error \(check Internet connection and firewall\)/i;

/** An IPv6 address (`[2606:4700::6810:1223]:443`, `2606:4700::6810:1223`). */
const IPV6 = /\[[0-9a-f]*:[0-9a-f:]+\]|\b[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*::|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/i;

/**
 * Quoted lines of a failed build where every network error is ENETUNREACH after the name resolved: the build's network
 * has no route out at all. A transient outage never prints it; a network that only lets out through a proxy does
 * (its resolver answers, its default route is missing), as does a machine that is offline.
 */
export function unroutedBuildFetch(input: TriageInput, max = 2): string[] {
  const net = toolOutput(input).filter((l) => l.from === 'build' && NET.some((id) => markerRe(id).test(l.text)));
  // No route to an IPv6 address is most often a host without IPv6, not a network without a way out.
  if (net.length === 0 || !net.every((l) => NO_ROUTE.test(l.text) && !IPV6.test(l.text))) return [];
  return net.slice(0, max).map((l) => quote(l.source, l.text));
}
