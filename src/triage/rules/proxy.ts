// A proxy stood between tarmac's tools and their server: Go's `proxyconnect tcp: ...`, Python's and curl's failed
// CONNECT (`Tunnel connection failed: 403 Forbidden`, `CONNECT tunnel failed, response 403`), a CONNECT refused by the
// proxy (Go then reports the bare status, `Unable to connect to the server: Forbidden`), 407 Proxy Authentication
// Required; or a tool that names the proxy as the host it could not reach instead of the URL's host (proxy-hop.ts).
// Usually a host missing from NO_PROXY (the cluster API, a local registry) or proxy settings the engine or the nodes
// do not have, or a proxy that is not reachable from where the tool runs.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf } from './evidence-facts.js';
import { markerRe, outputMatching, outputTexts } from './infra-markers.js';
import { proxyHops, serverGatewayOnly } from './proxy-hop.js';
import { unreachedRegistry, unroutedBuildFetch } from './registry-unreached.js';

/** distribution's registry client on a 403 body that is not JSON but an HTML page (registry/client/errors.go). */
const HTML_FORBIDDEN = /error parsing HTTP 403 response body: invalid character '<'/;

export const proxy: Rule = {
  id: 'proxy',
  title: 'An HTTP(S) proxy refused or broke the connection',
  refs: ['corpus: proxy'],
  match(input: TriageInput): Match | undefined {
    const marked = outputMatching(input, markerRe('proxy'), 3);
    // The whole lines, not the quotes: Go names the proxy late in a long error (`Get "https://...": proxyconnect tcp`).
    const own = outputTexts(input, markerRe('proxy'), 3);
    // A `502 Proxy Error` an https fetch received is the server side's gateway: only a hint of a proxy here.
    const serverSide = own.length > 0 && own.every(serverGatewayOnly);
    // A registry client's 403 whose body is an HTML page: a proxy's block page, or a CDN's or firewall's in front of
    // the registry (e.g. a region the registry blocks). Two causes print it: a hint.
    const blockPageOnly = own.length > 0 && own.every((l) => HTML_FORBIDDEN.test(l));
    const hops = marked.length === 0 || serverSide ? proxyHops(input) : [];
    const lines = [...marked, ...hops];
    if (lines.length === 0) return warned(input) ?? unreached(input);
    const texts = [...own.filter((l) => !serverGatewayOnly(l)), ...hops];
    const explicit = texts.some((l) =>
      /proxyconnect|Proxy Authentication|from proxy|resolve proxy|Unsupported proxy|parsing proxy|proxy address|\bcode E407\b|HTTP Tunneling|tunneling failed|SOCKS[45]|socks connect|could not be retrieved|tunneling socket|connect to (?:the )?proxy|through proxy|ProxyError|407 Proxy|status code:? 407|\d{3}\s+Proxy Error|<h1>Proxy Error|squid|ERR_ACCESS_DENIED|Tunnel connection failed|Proxy CONNECT aborted|CONNECT tunnel failed|proxy tunnel request|HTTP 407 response body|Proxy request sent, awaiting response\.\.\. 407|ERR_(?:TUNNEL|PROXY)_CONNECTION_FAILED/i.test(
        l,
      ),
    );
    const host = /https?:\/\/([\w.-]+)/.exec(texts.join('\n'))?.[1];
    return {
      // A bare "Forbidden" for a whole request is how Go reports a refused CONNECT, but a server can say it too.
      // The tool naming another host than the URL's is a proxy in the path (or a redirect to another site: less sure).
      confidence: conf(explicit ? 0.85 : hops.length > 0 ? 0.75 : serverSide ? 0.35 : blockPageOnly ? 0.45 : 0.6),
      explains: ['proxy', 'dns', 'timeout', 'connection-refused', 'network', 'tls'],
      summary:
        serverSide && hops.length === 0
          ? `A gateway answered the https request${host ? ` to ${host}` : ''} with "Proxy Error": through TLS that is most often the server's own reverse proxy failing to reach its backend (retry later), unless a TLS-intercepting proxy of this network answers for every site.`
          : hops.length > 0
            ? `The request${host ? ` to ${host}` : ''} went to another host, an HTTP(S) proxy, which could not be reached: the proxy settings passed to the tool (e.g. build args or a proxy file in the image) do not fit this network.`
            : `The request${host ? ` to ${host}` : ''} went through an HTTP(S) proxy that ${explicit ? 'refused or could not make the connection' : 'answered with a bare status instead of the server (how a refused CONNECT looks)'}: the host is probably missing from NO_PROXY, or the proxy settings are not the ones the tool uses.`,
      evidence: lines,
      actions: [
        'env | grep -i _proxy',
        `add ${host ?? 'the host'} (and the cluster's API address, e.g. 127.0.0.1,localhost) to NO_PROXY / no_proxy`,
        'for the engine: set the proxy in containers.conf [engine] env, or unset it for local addresses',
      ],
    };
  },
};

/**
 * A tool's own warning that the cluster's addresses go through a proxy: kubeadm's preflight (`[WARNING HTTPProxy]:
 * Connection to "https://..." uses proxy "...". If that is not intended, adjust your proxy settings`, and
 * `[WARNING HTTPProxyCIDR]` for the pod and service ranges) and minikube's (`You appear to be using a proxy, but your
 * NO_PROXY environment does not include the minikube IP`). A warning, not the error: no marker, and below 50%.
 */
const PROXY_WARNING =
  /\[WARNING HTTPProxy(?:CIDR)?\]|uses proxy "[^"]*"\. If that is not intended|NO_PROXY environment does not include/i;

/** The cluster's own addresses go through a proxy, by a tool's warning: the likeliest cause of what failed after it. */
function warned(input: TriageInput): Match | undefined {
  const lines = outputMatching(input, PROXY_WARNING, 2);
  if (lines.length === 0) return undefined;
  return {
    confidence: conf(0.45),
    explains: ['timeout', 'connection-refused'],
    summary:
      "A tool warned that the cluster's own addresses (the node, the API server, the pod or service ranges) go through an HTTP(S) proxy: the health checks and API calls that failed after it probably went to the proxy instead.",
    evidence: lines,
    actions: [
      'env | grep -i _proxy',
      "add the node's address, the pod and service ranges and the cluster's API address to NO_PROXY / no_proxy",
    ],
  };
}

/** A public registry no server answered: a proxy the engine lacks is the likeliest reading, below 50% (an outage and a firewall print the same). */
function unreached(input: TriageInput): Match | undefined {
  const unrouted = unroutedBuildFetch(input);
  if (unrouted.length > 0)
    return {
      confidence: conf(0.45),
      explains: ['network', 'timeout', 'connection-refused'],
      summary:
        "A RUN step's download found no route out of the build's network (ENETUNREACH after its name resolved): most often a network that only lets out through an HTTP(S) proxy the build does not use, else a machine without a network route.",
      evidence: unrouted,
      actions: [
        'env | grep -i _proxy',
        'pass HTTP_PROXY/HTTPS_PROXY (and NO_PROXY) as build args, or set them in the engine (containers.conf [engine] env)',
      ],
    };
  const { lines, host } = unreachedRegistry(input);
  if (lines.length === 0) return undefined;
  return {
    confidence: conf(0.4),
    explains: ['timeout', 'connection-refused', 'network'],
    summary: `No server answered the call to registry ${host ?? '?'} (its name resolved, the connection was refused, reset or timed out): most often a network that only lets out through an HTTP(S) proxy the engine is not configured with (the engine reads its own proxy settings, not the shell's), else a firewall or an outage.`,
    evidence: lines,
    actions: [
      `curl -sv https://${host ?? '<registry>'}/v2/   # from the host: does it answer directly, or only through the proxy?`,
      'env | grep -i _proxy',
      'set HTTP_PROXY and HTTPS_PROXY for the engine itself (containers.conf [engine] env, or the docker service environment)',
    ],
  };
}
