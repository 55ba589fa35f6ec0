// A proxy the tool named in place of the server: apt and wget report the host they actually connected to (or tried
// to resolve), and behind a proxy that is the proxy, not the host of the URL they fetch. `Failed to fetch
// http://archive.ubuntu.com/...  Could not connect to proxy.corp:3128 (10.0.0.1), connection timed out`, or apt's
// older two-line form `Err http://archive.ubuntu.com trusty Release.gpg` / `Could not resolve 'proxy.corp'`.
// Pure.
import type { TriageInput } from '../types.js';
import { quote } from './evidence-facts.js';
import { toolOutput } from './infra-markers.js';

/** The host apt/wget/curl say they could not connect to or resolve. */
const TARGET =
  /(?:Could not connect to|Unable to connect to|Cannot initiate the connection to|Failed to connect to|Could not resolve|Connecting to|Resolving) '?\[?([\w.-]+)/gi;
/** The host of a URL being fetched. */
const URL_HOST = /https?:\/\/([\w.-]+)/gi;
const IP = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** A host's registered domain, roughly (its last two labels): a CDN or mirror of the same site is not a hop. */
function site(host: string): string {
  return IP.test(host) ? host : host.toLowerCase().split('.').slice(-2).join('.');
}

/** Quoted lines where a tool failed on a host other than every URL host it fetched: the proxy between them. */
export function proxyHops(input: TriageInput, max = 2): string[] {
  const lines = toolOutput(input);
  const fetched = new Set<string>();
  for (const l of lines) for (const m of l.text.matchAll(URL_HOST)) fetched.add(site(m[1]!));
  if (fetched.size === 0) return [];
  const out: string[] = [];
  for (const l of lines) {
    const targets = [...l.text.matchAll(TARGET)].map((m) => m[1]!).filter((h) => h.includes('.'));
    if (targets.some((h) => !fetched.has(site(h)))) out.push(quote(l.source, l.text));
    if (out.length >= max) break;
  }
  return out;
}
