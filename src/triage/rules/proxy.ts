// A proxy stood between tarmac's tools and their server: Go's `proxyconnect tcp: ...`, a CONNECT refused by the
// proxy (Go then reports the bare status, `Unable to connect to the server: Forbidden`), 407 Proxy Authentication
// Required. Usually a host missing from NO_PROXY (the cluster API, a local registry) or proxy settings the engine
// or the nodes do not have.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf } from './evidence-facts.js';
import { markerRe, outputMatching } from './infra-markers.js';

export const proxy: Rule = {
  id: 'proxy',
  title: 'An HTTP(S) proxy refused or broke the connection',
  refs: ['corpus: proxy'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, markerRe('proxy'), 3);
    if (lines.length === 0) return undefined;
    const explicit = lines.some((l) =>
      /proxyconnect|Proxy Authentication|from proxy|tunneling socket|resolve proxy|connect to (?:the )?proxy|through proxy|ProxyError|407 Proxy|Proxy Error|squid|ERR_ACCESS_DENIED/i.test(
        l,
      ),
    );
    const host = /https?:\/\/([\w.-]+)/.exec(lines.join('\n'))?.[1];
    return {
      // A bare "Forbidden" for a whole request is how Go reports a refused CONNECT, but a server can say it too.
      confidence: conf(explicit ? 0.85 : 0.6),
      explains: ['proxy', 'dns', 'timeout', 'connection-refused', 'network', 'tls'],
      summary: `The request${host ? ` to ${host}` : ''} went through an HTTP(S) proxy that ${explicit ? 'refused or could not make the connection' : 'answered with a bare status instead of the server (how a refused CONNECT looks)'}: the host is probably missing from NO_PROXY, or the proxy settings are not the ones the tool uses.`,
      evidence: lines,
      actions: [
        'env | grep -i _proxy',
        `add ${host ?? 'the host'} (and the cluster's API address, e.g. 127.0.0.1,localhost) to NO_PROXY / no_proxy`,
        'for the engine: set the proxy in containers.conf [engine] env, or unset it for local addresses',
      ],
    };
  },
};
