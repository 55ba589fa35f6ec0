// A name did not resolve: Go's `lookup HOST on IP:53: no such host`, glibc's "Temporary failure in name resolution",
// curl's "Could not resolve host", Node's `getaddrinfo ENOTFOUND`. Inside a build's RUN step it is also a failed
// download: this rule ranks first (the name explains the download), both below 50%, since a wrong name and a
// resolver that cannot resolve a real one print the same words; a registry lookup, a pod or a test is this rule's.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf, engineCmd } from './evidence-facts.js';
import { markerRe, outputMatching, outputTexts } from './infra-markers.js';

/** The name that did not resolve, from the families above. */
const HOST =
  /lookup ([\w.-]+)(?: on [^:]+:53)?: no such host|Could not resolve host:? '?([\w.-]+)|getaddrinfo (?:ENOTFOUND|EAI_AGAIN) ([\w.-]+)|Temporary failure resolving '([\w.-]+)'|lookup ([\w.-]+) on|dial tcp: lookup ([\w.-]+)|bad address '([\w.-]+)'|https?:\/\/([\w.-]+)\S*: DNS (?:lookup )?error/i;
/**
 * The resolver itself failed, not the name: Go's `lookup H on S:53: read udp ...` (then i/o timeout, no route to host,
 * connection refused) or `server misbehaving`, glibc's EAI_AGAIN ("Temporary failure in name resolution", apt's
 * "Temporary failure resolving"), Node's `getaddrinfo EAI_AGAIN`. The nameserver did not answer at all: the DNS setup
 * of the host, the engine or the build network is the cause, whatever was being fetched. ("no such host" is an
 * answer: the name does not exist for that resolver.)
 */
export const RESOLVER_FAILED =
  /lookup \S+ on \S+:53: (?:(?:read|dial|write) (?:udp|tcp)\b|server misbehaving)|\blookup [\w.-]+: i\/o timeout|Resolving timed out after|Temporary failure in name resolution|Temporary failure resolving|getaddrinfo EAI_AGAIN|no servers could be reached|temporary error during hostname resolution/i;

/** A lookup made to pull an image (the base image of a build or a pod's image), not a download inside RUN. */
const REGISTRY =
  /pinging container registry|initializing source|failed to resolve (?:source metadata|reference)|\/v2\/|pull/i;

export const dnsResolution: Rule = {
  id: 'dns-resolution',
  title: 'A host name did not resolve (DNS)',
  refs: ['corpus: dns'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, markerRe('dns'), 3);
    if (lines.length === 0) return undefined;
    // Whole lines decide, not the shortened quotes (pip and maven name the failed lookup late in a long line).
    const texts = outputTexts(input, markerRe('dns'), 3);
    const inBuildRun =
      outputMatching(input, markerRe('dns'), 1, ['build']).length > 0 &&
      !texts.some((l) => REGISTRY.test(l)) &&
      outputMatching(input, markerRe('dns'), 1, ['pod', 'test', 'deploy', 'cluster', 'deliver', 'run']).length === 0;
    const m = HOST.exec(texts.join('\n'));
    const host = m?.slice(1).find((g) => g !== undefined);
    const inPod = outputMatching(input, markerRe('dns'), 1, ['pod', 'test']).length > 0;
    // In a RUN step a resolver that did not answer is the cause of the failed download, and outranks it; both
    // names fit the same text, so neither claims more than half.
    const resolverDown = texts.some((l) => RESOLVER_FAILED.test(l));
    const name = clusterName(input);
    return {
      // A name that did not resolve in a RUN step is first a download failure: an alternative here.
      confidence: conf(inBuildRun ? (resolverDown ? 0.48 : 0.45) : 0.85),
      explains: ['dns', 'timeout', 'network', 'connection-refused'],
      summary: `The name ${host ?? '(see the evidence)'} did not resolve: ${inPod ? 'the cluster or network DNS does not know it (a service name not created yet, or a resolver that cannot reach it)' : "the host's or the engine's resolver cannot resolve it (a wrong name, no network, or a resolver that only works on a VPN)"}.`,
      evidence: lines,
      actions: inPod
        ? [
            `kubectl --context kind-${name} run dns-check --rm -it --restart=Never --image=busybox -- nslookup ${host ?? '<name>'}`,
            `kubectl --context kind-${name} -n kube-system logs -l k8s-app=kube-dns --tail=20`,
          ]
        : [
            `getent hosts ${host ?? '<name>'}; cat /etc/resolv.conf`,
            `${engineCmd(input)} run --rm docker.io/library/busybox nslookup ${host ?? '<name>'}`,
          ],
    };
  },
};
