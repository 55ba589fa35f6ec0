// Infrastructure markers: the error families of the tools tarmac runs (Go's net and crypto/x509 errors, libc and
// Node errno names, registry HTTP statuses, the kernel's resource limits) that say a failure came from the machine,
// the network or a service rather than from the user's instruction. One list, read by diagnose (a verdict that does
// not explain a marker found in the output loses confidence) and by the rules that name a marker. Pure.
import type { StepKind } from '../../plan/types.js';
import type { MarkerId, TriageInput } from '../types.js';
import { quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';
import { CURL_RESOLVE_FAILED, FETCH_NETWORK, FETCH_TIMEOUT } from './fetch-failure-forms.js';

export type { MarkerId };

export interface Marker {
  id: MarkerId;
  /** What the marker means, for people: `DNS lookup failed`. */
  label: string;
  re: RegExp;
}

/**
 * A disk or filesystem that is full, in the words of the programs that hit it: the kernel's ENOSPC (`no space left on
 * device`, Python's `[Errno 28]`, Node's `ENOSPC`), apt's refusal before it downloads (`You don't have enough free space
 * in /var/cache/apt/archives/.`), rpm's and dnf's (`installing package P needs 12MB on the / filesystem`, `At least 12MB
 * more space needed on the / filesystem`), SQLite's SQLITE_FULL (`database or disk is full`), Windows' ERROR_DISK_FULL (`There
 * is not enough space on the disk`) and docker's devicemapper storage refusing a new device when its thin pool is
 * nearly full (`Thin Pool has N free data blocks which is less than minimum required M free data blocks`, dm.min_free_space).
 */
export const NO_SPACE_WORDS =
  /no space left on device|\bENOSPC\b|disk quota exceeded|You don't have enough free space in|\bmore space needed on the \S+ filesystem|\bneeds \d+[KMG]B (?:more space )?on the \S+ filesystem|database or disk is full|not enough space on the disk|Thin Pool has \d+ free (?:data|metadata) blocks which is less than minimum required/i;

/**
 * The kubelet reporting its disk under pressure: the DiskPressure condition and its `node.kubernetes.io/disk-pressure`
 * taint (what a pending pod's FailedScheduling names), the eviction events (`The node was low on resource:
 * ephemeral-storage.`), the eviction manager reclaiming a disk resource (`must evict pod(s) to reclaim ephemeral-storage`,
 * `"Eviction manager: attempting to reclaim" resourceName="nodefs"`), an image GC that could not free enough.
 */
export const DISK_PRESSURE =
  /DiskPressure|disk[- ]pressure|EvictionThresholdMet|reclaim"? (?:resourceName=)?"?(?:ephemeral-storage|nodefs|imagefs)|low on resource: (?:ephemeral-storage|nodefs|imagefs)|failed to garbage collect required amount of images/i;

/** The markers, most specific first (a line is attributed to the first marker it matches). */
/**
 * apk's own words for a fetch that failed on the network (apk-tools apk_error_str): EAGAIN `temporary error (try again
 * later)`, ECONNABORTED `network connection aborted`, ECONNREFUSED `could not connect to server (check repositories
 * file)`, ENETUNREACH `network error (check Internet connection and firewall)`. None names a server's answer.
 */
export const APK_NETWORK_ERROR =
  /temporary error \(try again later\)|network connection aborted|could not connect to server \(check repositories file\)|network error \(check Internet connection and firewall\)/i;

export const MARKERS: readonly Marker[] = [
  {
    id: 'clock',
    label: 'a certificate outside its validity window (clock or expiry)',
    // Also Node's and rustls's names for an expired certificate (`CERT_HAS_EXPIRED`, `invalid peer certificate: Expired`).
    re: /certificate has expired|certificate is not valid yet|not yet valid|certificate (?:has )?expired|clock skew|is not valid yet \(invalid for another|\bCERT_HAS_EXPIRED\b|invalid peer certificate(?: contents)?: Expired/i,
  },
  {
    id: 'tls',
    label: 'TLS verification failed',
    // Also the JVM's (PKIX), Node's error codes, wget's, git's (GnuTLS), apt's and .NET's words for an untrusted CA;
    // each client's words for a certificate of another name (curl, Node, the JDK, wget), Windows' schannel, rustls,
    // pip's; a server that does not speak TLS where TLS was expected (Go's net/http and crypto/tls), and a server
    // that refused the client's certificate (`remote error: tls: bad certificate`).
    re: /x509:|no alternative certificate subject name matches target host name|certificate subject name '[^']*' does not match target host name|SEC_E_UNTRUSTED_ROOT|SEC_E_WRONG_PRINCIPAL|issued by an authority that is not trusted|\bERR_TLS_CERT_ALTNAME_INVALID\b|does not match certificate's altnames|\bCERT_UNTRUSTED\b|No subject alternative (?:DNS )?names? (?:matching|present)|No name matching \S+ found|doesn't match requested host name|hasn't got a known issuer|invalid peer certificate|problem confirming the ssl certificate|SSLCertVerificationError|server gave HTTP response to HTTPS client|first record does not look like a TLS handshake|remote error: tls: (?:bad certificate|unknown certificate authority|certificate required)|certificate signed by unknown authority|certificate is not valid for any names|certificate is valid for \S+, not|tls: failed to verify|SSL certificate problem|CERTIFICATE_VERIFY_FAILED|self[- ]signed certificate|unable to get local issuer certificate|certificate verify failed|tls: handshake failure|PKIX path building failed|unable to find valid certification path|UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify the first certificate|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|cannot verify \S+'s certificate|server certificate verification failed|The certificate is NOT trusted|The remote certificate is invalid/i,
  },
  {
    id: 'proxy',
    label: 'a proxy refused or failed the request',
    // Go's proxyconnect (and its older `http: error connecting to proxy`), curl's, pip's, Java's and git's proxy errors,
    // and a proxy's own error page (squid); curl's and apt's failed CONNECT with any status. Go's client reports a
    // CONNECT its proxy refused as the proxy's bare reason phrase after the https URL (`Head "https://...": Forbidden`,
    // a phrase of one to four words: Go's own errors there carry a colon, or are `EOF` or a context's; a registry's
    // error message in that place, lower case in docker's words (`Head "https://ghcr.io/v2/...": denied`), is no proxy).
    // Also curl's, apt's, wget's and Go's refusals of a malformed proxy setting, npm's E407, undici's failed tunnel,
    // SOCKS proxies (curl's, Go's `socks connect`), squid's error page title. Apache's `502 Proxy Error` with its
    // status or as its page's heading, not a reverse proxy's log (Go's httputil `http: proxy error: ...`, a dev
    // server's `http proxy error`: the backend behind it did not answer). GNU wget's answer through a proxy (src/http.c:
    // `Proxy request sent, awaiting response... 407|5xx|Read error`), .NET's failed tunnel (System.Net.Http
    // net_http_proxy_tunnel_returned_failure_status_code: `The proxy tunnel request to proxy 'URI' failed ...`); the
    // registry client's unparsable answer (distribution/distribution registry/client/errors.go: `error parsing HTTP 407
    // response body: ...`, or a 403 whose body is an HTML page, a proxy's block page: a registry answers JSON).
    // The same bare reason inside kubectl's validation wrapper (kubernetes/kubectl pkg/cmd/util/helpers.go: `error
    // validating "f": error validating data: failed to download openapi: Get "https://...": Forbidden; if you choose to
    // ignore these errors, turn validation off with --validate=false`), only with a proxy's reason phrase.
    re: /proxyconnect|Proxy Authentication Required|Couldn'?t resolve proxy|Unsupported proxy (?:syntax|scheme|configured)|Error parsing proxy URL|invalid proxy address|\bcode E407\b|when HTTP Tunneling|Proxy tunneling failed|\bsocks connect \w+ |Can't complete SOCKS[45]|(?:Failed|Unable) to receive (?:initial )?SOCKS[45]|The requested URL could not be retrieved|Tunnel connection failed|Proxy CONNECT aborted|CONNECT tunnel failed, response \d|ERR_TUNNEL_CONNECTION_FAILED|ERR_PROXY_CONNECTION_FAILED|X-Squid-Error|tunneling socket could not be established|Could not resolve proxy|(?:Cannot|Could not|Failed to|Unable to) connect to (?:the )?proxy|error connecting to proxy|Unable to tunnel through proxy|\bProxyError\b|\b407 Proxy|status code:? 407\b|\b\d{3}\s+Proxy Error\b|<h1>Proxy Error<|Generated by squid|ERR_ACCESS_DENIED|Received HTTP code \d{3} from proxy after CONNECT|Proxy request sent, awaiting response\.\.\. (?:407|5\d\d|Read error|No data received)|The proxy tunnel request to proxy '[^']*' failed|Invalid response from proxy|error parsing HTTP 407 response body|error parsing HTTP 403 response body: invalid character '<' looking for beginning of value|Unable to connect to the server: (?:Forbidden|Bad Gateway|Gateway Timeout|Proxy Authentication Required|Service Unavailable)\s*$|\b(?:Get|Post|Put|Head|Patch|Delete) "?https:\/\/\S+"?: (?:Forbidden|Bad Gateway|Gateway Timeout|Proxy Authentication Required|Service Unavailable); if you choose to ignore these errors|^\s*(?:Error: )?.*\b(?:Get|Post|Put|Head|Patch|Delete) "?https:\/\/\S+"?: (?!(?:unexpected )?EOF\s*$|context |denied|unauthori[sz]ed|unsupported|not found|manifest |blob |name |repository |authentication required|too ?many ?requests)[a-z]+(?: [a-z]+){0,3}\s*$/im,
  },
  {
    id: 'dns',
    label: 'a name did not resolve (DNS)',
    // busybox's `wget: bad address 'HOST'` and nslookup/dig's `no servers could be reached` (Alpine images) too, and
    // apk's `ERROR: URL: DNS lookup error` (apk 3: `DNS error (try again later)`, apk-tools APKE_DNS); Winsock's
    // WSATRY_AGAIN text, wget's own words.
    re: new RegExp(
      `${/no such host|DNS lookup error|DNS error \(try again later\)|UnknownHostException|\blookup [\w.-]+: i\/o timeout|Could not resolve '[\w.-]+'|Resolving timed out after|No address associated with hostname|NameResolutionError|failed to lookup address information|Temporary failure in name resolution|Name or service not known|Could not resolve host|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|server misbehaving|Name does not resolve|Temporary failure resolving|nodename nor servname provided|lookup [\w.-]+ on \S+:53\b|\bbad address '[\w.-]+'|no servers could be reached|unable to resolve host address|temporary error during hostname resolution/.source}|${CURL_RESOLVE_FAILED.source}`,
      'i',
    ),
  },
  {
    id: 'rate-limit',
    label: 'the registry or service rate-limited the request',
    re: /toomanyrequests|429 Too Many Requests|\bstatus(?: code)?:? 429\b|pull rate limit|rate limit exceeded|API rate limit/i,
  },
  {
    id: 'registry-auth',
    label: 'the registry refused the credentials',
    // Not "pull access denied ... may require authorization": registries say it for a missing repository too.
    re: /no basic auth credentials|unauthorized: authentication required|authentication required|denied: requested access to the resource is denied|\b401 Unauthorized\b|unable to retrieve auth token|incorrect username or password|invalid username\/password|error (?:getting|storing|listing) credentials - err:|^(?:Error(?: response from daemon)?: )?.*\bunauthorized: /im,
  },
  {
    id: 'quota',
    label: 'a ResourceQuota or LimitRange refused the object',
    re: /exceeded quota|failed quota|must specify (?:limits|requests)\.|forbidden: maximum \S+ usage|forbidden: minimum \S+ usage/i,
  },
  {
    id: 'rbac',
    label: 'RBAC forbade the request',
    // Quotes may come escaped (`\"`) when a logger prints the error inside a quoted field (logfmt). Also RBAC's
    // escalation prevention refusing a Role or binding that grants more than its creator holds.
    re: /is forbidden: User \\?"[^"\\]+\\?" cannot|is attempting to grant RBAC permissions not currently held|forbidden: attempt to grant extra privileges|cannot (?:get|list|watch|create|update|patch|delete) resource \\?"[^"\\]+\\?" in API group/i,
  },
  {
    id: 'file-limits',
    label: 'a file-descriptor or inotify limit was hit',
    // Also the process/thread limit (ulimit -u, pids.max) in Go's, glibc's and bash's words, and Elasticsearch's
    // bootstrap check of RLIMIT_NOFILE. inotify only with its limits (ENOSPC from inotify_add_watch(2), a limit, the
    // sysctl): a watch on a path that does not exist (`inotify_add_watch /sys/fs/cgroup/x: no such file`) is none.
    re: /too many open files|\bEMFILE\b|\bENFILE\b|os error 24|inotify\w*\b[^\n]*?(?:no space left on device|\bENOSPC\b|\blimit\b)|\bfs\.inotify\.|max_user_(?:watches|instances)|fsnotify watcher|ENOSPC: System limit for number of file watchers|failed to create new OS thread|may need to increase max user processes|pthread_create failed: Resource temporarily unavailable|fork: (?:retry: )?Resource temporarily unavailable|max file descriptors \[\d+\] for \S+ process is too low/i,
  },
  {
    id: 'no-space',
    label: 'a disk or filesystem is full',
    re: new RegExp(`${NO_SPACE_WORDS.source}|${DISK_PRESSURE.source}`, 'i'),
  },
  {
    id: 'memory',
    label: 'memory ran out (a process was killed)',
    // Also gcc's driver for a compiler killed (gcc/gcc.cc), Rust's failed allocation, GNU make's killed child, the
    // kubelet's memory eviction and its OOM watcher's event.
    re: /OOMKilled|out of memory|oom-kill|invoked oom-killer|Cannot allocate memory|\bENOMEM\b|Killed signal terminated program|memory allocation of \d+ bytes failed|OutOfMemoryException|insufficient memory for the Java Runtime Environment|Allowed memory size of \d+ bytes exhausted|\*\*\* \[[^\]]*\] (?:Error 137|Killed)\b|low on resource: memory\b|System OOM encountered|(?:exit status|code|errno)[: ]+137\b|^(?:#\d+ [\d.]+ )?Killed\s*$/im,
  },
  {
    id: 'crash',
    label: 'a program crashed (Go panic or segmentation fault)',
    re: /^panic: |\bSIGSEGV\b|segmentation fault|^fatal error: |^goroutine \d+ \[running\]/im,
  },
  {
    id: 'port-in-use',
    label: 'a port was already in use',
    // EADDRINUSE in each platform's words, docker's and Docker Desktop's for a published port that is taken.
    // Also kubeadm's preflight (`[ERROR Port-6443]: Port 6443 is in use`), Spring Boot's (`Port 8080 was already in
    // use`) and Windows' WSAEACCES for a port in an excluded (reserved) range.
    re: /address already in use|\bEADDRINUSE\b|Only one usage of each socket address|port is already allocated|Ports are not available|\bPort \d+ (?:is|was) (?:already )?in use(?!, trying)|access a socket in a way forbidden by its access permissions/i,
  },
  {
    id: 'permission',
    label: 'permission denied',
    re: /permission denied|\bEACCES\b|operation not permitted|\bEPERM\b/i,
  },
  {
    id: 'connection-refused',
    label: 'a connection was refused',
    // Winsock's WSAECONNREFUSED text too (Windows clients: Docker Desktop, PowerShell, .NET).
    re: /connection refused|\bECONNREFUSED\b|actively refused it/i,
  },
  {
    id: 'network',
    label: 'the network dropped or could not route the connection',
    // Winsock's WSAECONNRESET and WSAENETUNREACH/WSAEHOSTUNREACH texts too; Node's http client's words for a connection
    // reset before the response (nodejs/node lib/_http_client.js: `socket hang up`, code ECONNRESET); apk's for a fetch
    // that failed on the network (APK_NETWORK_ERROR); the download tools' own families (curl's error texts, git's, the
    // JDK's, urllib3's, npm's, yarn's, cargo's, bundler's, apt's, wget's: fetch-failure-forms.ts).
    re: new RegExp(
      `${/connection reset by peer|\bECONNRESET\b|\bsocket hang up\b|forcibly closed by the remote host|socket operation was attempted to an unreachable (?:network|host)|network is unreachable|no route to host|\bEHOSTUNREACH\b|\bENETUNREACH\b|unexpected EOF|TLS handshake timeout|Max retries exceeded with url|rpc error: code = Unavailable|grpc: the client connection is closing|transport is closing|Failed to download metadata for repo|No URLs in mirrorlist|Unable to fetch some archives|Failed to fetch https?:/.source}|${APK_NETWORK_ERROR.source}|${FETCH_NETWORK.source}`,
      'i',
    ),
  },
  {
    id: 'timeout',
    label: 'a network call timed out',
    // Winsock's WSAETIMEDOUT text too; Ruby's net/http (lib/net/http.rb: Net::OpenTimeout / Net::ReadTimeout, and its
    // connect's `Failed to open TCP connection to H:P (execution expired)`, Timeout's message), as bundler and gem relay it;
    // curl's, the JDK's, urllib3's and NuGet's timeouts (fetch-failure-forms.ts).
    re: new RegExp(
      `${/Net::(?:Open|Read|Write)Timeout\b|Failed to open TCP connection to \S+ \(execution expired\)|i\/o timeout|context deadline exceeded|connected party did not properly respond|\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|Client\.Timeout exceeded|operation timed out|connection timed out|Read timed out|ERR_SOCKET_TIMEOUT/.source}|${FETCH_TIMEOUT.source}`,
      'i',
    ),
  },
];

/** One marker found in the failure's output: which, and the quoted line. */
export interface MarkerHit {
  id: MarkerId;
  label: string;
  line: string;
}

/** The markers in some lines of text (each line attributed to its first marker), each marker once. */
export function markersIn(lines: readonly { source: string; text: string }[]): MarkerHit[] {
  const hits = new Map<MarkerId, MarkerHit>();
  for (const { source, text } of lines) {
    const marker = MARKERS.find((m) => m.re.test(text));
    if (marker && !hits.has(marker.id))
      hits.set(marker.id, { id: marker.id, label: marker.label, line: quote(source, text) });
  }
  return [...hits.values()];
}

/**
 * The output the failure came with, from the tools tarmac ran (never tarmac's own messages): the failed steps'
 * output tails and logs, the output of an error thrown past the journal, the failing pods' events and logs, and
 * the controllers' warning events.
 */
export function toolOutput(input: TriageInput): OutputLine[] {
  const { run, evidence } = input;
  const lines: OutputLine[] = [];
  for (const step of failedSteps(run)) {
    const from = step.kind ?? 'run';
    for (const t of step.error?.tail ?? []) lines.push({ source: `${step.stepId} output`, text: t, from });
    for (const t of run.stepLogs[step.stepId] ?? []) lines.push({ source: `${step.stepId} log`, text: t, from });
  }
  for (const p of evidence.workloads?.data?.pods ?? []) {
    if (p.ready) continue;
    for (const e of p.events) lines.push({ source: `events ${p.name}`, text: e, from: 'pod' });
    for (const l of p.logTail) lines.push({ source: `log ${p.name}`, text: l, from: 'pod' });
  }
  for (const e of evidence.workloads?.data?.controllerEvents ?? [])
    lines.push({ source: 'events', text: e, from: 'pod' });
  return lines;
}

/** A line of tool output, with where it came from: a failed step's kind (`run`: thrown past the journal) or a pod. */
export interface OutputLine {
  source: string;
  text: string;
  from: StepKind | 'run' | 'pod';
}

/** The infrastructure markers in the failure's tool output. */
export function infraMarkers(input: TriageInput): MarkerHit[] {
  return markersIn(toolOutput(input));
}

/** Tool output lines matching a regex (optionally only from some places), quoted, first `max`. */
export function outputMatching(
  input: TriageInput,
  re: RegExp,
  max = 3,
  from?: readonly OutputLine['from'][],
): string[] {
  const out: string[] = [];
  for (const l of toolOutput(input)) {
    if (!re.test(l.text) || (from && !from.includes(l.from))) continue;
    const q = quote(l.source, l.text);
    if (!out.includes(q)) out.push(q);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * The whole text of the tool output lines matching a regex (optionally only from some places), each once, first `max`.
 * Rules judge these, not the quotes: a quote is shortened, and a Go or Python error often names its cause (x509's
 * times, the proxy, the status) after the 240 characters a quote keeps.
 */
export function outputTexts(input: TriageInput, re: RegExp, max = 3, from?: readonly OutputLine['from'][]): string[] {
  const out: string[] = [];
  for (const l of toolOutput(input)) {
    if (!re.test(l.text) || (from && !from.includes(l.from)) || out.includes(l.text)) continue;
    out.push(l.text);
    if (out.length >= max) break;
  }
  return out;
}

/** The regex of a marker. */
export function markerRe(id: MarkerId): RegExp {
  return MARKERS.find((m) => m.id === id)!.re;
}
