// A proxy the tool named in place of the server: apt (and curl, wget) report the host they actually connected to or
// tried to resolve, and behind a proxy that is the proxy, not the host of the URL they fetch. `Failed to fetch
// http://archive.ubuntu.com/...  Could not connect to gw.corp:3128 (10.0.0.1), connection timed out`, or apt's
// older two-line form `Err http://archive.ubuntu.com trusty Release.gpg` / `  Could not resolve 'gw.corp'`.
// Pure.
import type { TriageInput } from '../types.js';
import { quote } from './evidence-facts.js';
import { markerRe, toolOutput } from './infra-markers.js';

/**
 * The host apt/curl say they could not connect to or resolve; Apache HttpClient's too, as Maven and Gradle relay it
 * (`Connect to proxy.corp:8080 [proxy.corp/10.0.0.1] failed: Connection refused`). Also the name a tool looked up: Node's
 * (nodejs/node lib/dns.js, `getaddrinfo ENOTFOUND proxy.corp` as npm relays it after the registry URL), Go's dial
 * (src/net/lookup.go, `dial tcp: lookup proxy.corp on 10.0.0.2:53: no such host`), urllib3 2's NameResolutionError
 * (`Failed to resolve 'proxy.corp'`): a client resolves the proxy's name, not the URL's, when one is set.
 */
const TARGET =
  /(?:Could not connect to|Unable to connect to|Cannot initiate the connection to|Failed to connect to|Could not resolve|\bConnect to|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|\bdial tcp[46]?: lookup|Failed to resolve) '?\[?([\w.-]+)/gi;
/** wget's progress forms name the host too, but only a line that also says `failed` is a failure. */
const WGET_TARGET = /(?:Connecting to|Resolving) ([\w.-]+)[^\n]*\bfailed\b/gi;
/**
 * Node's and Go's connect errors name the address and port they dialled (`connect ECONNREFUSED 10.0.0.1:3128`,
 * `dial tcp 10.0.0.1:3128: ...`; the port is after the last colon, an IPv6 address may be bare): on the line of a fetch
 * whose URL has another port (443 for https://, 80 for http://, or the one it names), the connection went to another
 * server, a proxy. Ruby's net/http names its connect alike (lib/net/http.rb connects to the proxy's address and port
 * when one is set, as bundler and gem relay it: `Failed to open TCP connection to proxy.corp:8080 (Connection refused
 * - ...)`): read by its port only, since its host may be a mirror or CDN of the URL's on another domain.
 */
const DIALLED = /(?:\bconnect E[A-Z]+|\bdial tcp[46]?|Failed to open TCP connection to) [\w.:[\]-]+:(\d+)\b/gi;
const URL_PORT = /\b(https?):\/\/[\w.-]+(?::(\d+))?/gi;

/** Whether a line dialled a port that none of its URLs has: the connection went to a proxy. */
function dialledElsewhere(text: string): boolean {
  const urls = [...text.matchAll(URL_PORT)].map((m) => m[2] ?? (m[1]!.toLowerCase() === 'https' ? '443' : '80'));
  if (urls.length === 0) return false;
  const dialled = [...text.matchAll(DIALLED)].map((m) => m[1]!);
  return dialled.length > 0 && dialled.every((p) => !urls.includes(p));
}

/**
 * curl's TLS errors name the peer it connected to (curl/curl lib/vtls/openssl.c: `Unknown SSL protocol error in
 * connection to gw.corp:8080`, `OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to gw.corp:8080`): behind a proxy
 * that is the proxy, not the URL's host. Its line has no URL: the fetch is the curl command a few lines up (a RUN
 * step's own command line).
 */
const CURL_PEER = /\bin connection to ([\w.-]+):(\d+)/i;
/**
 * curl's connect failure names the host and port it dialled (curl/curl lib/connect.c: `Failed to connect to %s port %u
 * after %ld ms: %s`, older curl `Failed to connect to %s port %ld: %s`): behind a proxy, the proxy's. Read by its port
 * only, as Ruby's: a redirect (`-L`) may go to a CDN of another domain on the URL's own port.
 */
const CURL_CONNECT_PEER = /\bFailed to connect to ([\w.-]+) port (\d+)\b/i;
const CURL_LOOKBACK = 4;

/**
 * Whether curl's TLS peer (CURL_PEER) is another host or port, or its failed connect (CURL_CONNECT_PEER) another port,
 * than the URLs of the curl command a few lines up.
 */
function curlPeerElsewhere(lines: readonly { text: string }[], i: number): boolean {
  const connect = CURL_CONNECT_PEER.exec(lines[i]!.text);
  const peer = CURL_PEER.exec(lines[i]!.text) ?? connect;
  if (!peer || HAS_URL.test(lines[i]!.text)) return false;
  for (let j = i - 1; j >= Math.max(0, i - CURL_LOOKBACK); j--) {
    const t = lines[j]!.text;
    if (!/\bcurl\b/.test(t) || !HAS_URL.test(t)) continue;
    const urls = [...t.matchAll(URL_PORT)];
    const ports = urls.map((m) => m[2] ?? (m[1]!.toLowerCase() === 'https' ? '443' : '80'));
    const sites = [...t.matchAll(URL_HOST)].map((m) => site(m[1]!));
    return !ports.includes(peer[2]!) || (!connect && !sites.includes(site(peer[1]!)));
  }
  return false;
}

/** The host of a URL being fetched. */
const URL_HOST = /https?:\/\/([\w.-]+)/gi;
const HAS_URL = /https?:\/\/[\w.-]+/i;
/** apt's older form: the fetch on one line (`Err http://host ...`), its error indented on the next. */
const APT_ERR = /^\s*Err:?\d*\s+https?:\/\//;
/**
 * GNU wget's heading of each request (`--2024-05-01 10:00:00--  https://host/file`, on a retry with `(try: 2)` before
 * the URL), printed before its `Resolving` and `Connecting to` lines (src/retr.c, src/http.c): the URL of the fetch
 * those lines belong to.
 */
const WGET_HEADING = /^\s*--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--\s+(?:\(try:\s*\d+\)\s+)?https?:\/\//;
/** Lines between wget's heading and its `Connecting to ... failed`: `Resolving ...`, and a few more. */
const WGET_LOOKBACK = 3;
const IP = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/**
 * apt's peer of a fetch, `[IP: 10.0.0.1 3128]`: the address and port it connected to. An http(s) fetch whose peer
 * port is neither 80 nor 443 went to a proxy (squid's 3128, 8080, ...), whatever the proxy answered.
 */
const APT_PEER = /\[IP: [\d.a-f:]+ (\d+)\]/i;

/** A host's registered domain, roughly (its last two labels): a CDN or mirror of the same site is not a hop. */
function site(host: string): string {
  return IP.test(host) ? host : host.toLowerCase().split('.').slice(-2).join('.');
}

/**
 * Quoted lines where a tool failed on a host other than the URL host it was fetching on that line (or, in apt's
 * two-line form, on the line before): the proxy between them. Only the same fetch counts: a URL elsewhere in the
 * output (a docs link) says nothing about where a connection went.
 */
export function proxyHops(input: TriageInput, max = 2): string[] {
  const lines = toolOutput(input);
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (out.length >= max) return;
    if (curlPeerElsewhere(lines, i)) {
      out.push(quote(l.source, l.text));
      return;
    }
    const before = i > 0 ? lines[i - 1]!.text : '';
    const fetchLine = HAS_URL.test(l.text)
      ? l.text
      : APT_ERR.test(before)
        ? before
        : new RegExp(WGET_TARGET.source, 'i').test(l.text)
          ? wgetHeading(lines, i)
          : '';
    if (!fetchLine) return;
    const fetched = new Set([...fetchLine.matchAll(URL_HOST)].map((m) => site(m[1]!)));
    const port = APT_PEER.exec(l.text)?.[1];
    if (port !== undefined && port !== '80' && port !== '443') {
      out.push(quote(l.source, l.text));
      return;
    }
    if (dialledElsewhere(l.text)) {
      out.push(quote(l.source, l.text));
      return;
    }
    const targets = [...l.text.matchAll(TARGET), ...l.text.matchAll(WGET_TARGET)]
      .map((m) => m[1]!)
      .filter((h) => h.includes('.'));
    if (targets.some((h) => !fetched.has(site(h)))) out.push(quote(l.source, l.text));
  });
  return out;
}

/** A gateway's 5xx with Apache mod_proxy's reason phrase (`502 Proxy Error`), as a client prints the status it got. */
const GATEWAY_STATUS = /\b5\d\d Proxy Error\b/gi;

/**
 * Whether a line's only proxy word is a gateway status received on an https:// fetch (`reading
 * https://gopkg.in/yaml.v2?go-get=1: 502 Proxy Error`): over https the status line comes through the TLS tunnel, so
 * it is the server side's answer (its reverse proxy could not reach the origin), not a proxy of this network. A proxy
 * of this network that refused the tunnel reads otherwise (Go's `proxyconnect tcp`, curl's `CONNECT tunnel failed`,
 * or Go's bare reason without its code). Only a TLS-intercepting proxy could answer so; a hint, not the cause.
 */
export function serverGatewayOnly(text: string): boolean {
  if (!/https:\/\//i.test(text) || !new RegExp(GATEWAY_STATUS.source, 'i').test(text)) return false;
  return !markerRe('proxy').test(text.replace(GATEWAY_STATUS, ''));
}

/** The heading of the wget request that line `i` belongs to (WGET_HEADING, a few lines up), or ''. */
function wgetHeading(lines: readonly { text: string }[], i: number): string {
  for (let j = i - 1; j >= Math.max(0, i - WGET_LOOKBACK); j--)
    if (WGET_HEADING.test(lines[j]!.text)) return lines[j]!.text;
  return '';
}
