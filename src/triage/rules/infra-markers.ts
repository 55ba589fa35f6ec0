// Infrastructure markers: the error families of the tools tarmac runs (Go's net and crypto/x509 errors, libc and
// Node errno names, registry HTTP statuses, the kernel's resource limits) that say a failure came from the machine,
// the network or a service rather than from the user's instruction. One list, read by diagnose (a verdict that does
// not explain a marker found in the output loses confidence) and by the rules that name a marker. Pure.
import type { StepKind } from '../../plan/types.js';
import type { MarkerId, TriageInput } from '../types.js';
import { quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

export type { MarkerId };

export interface Marker {
  id: MarkerId;
  /** What the marker means, for people: `DNS lookup failed`. */
  label: string;
  re: RegExp;
}

/** The markers, most specific first (a line is attributed to the first marker it matches). */
export const MARKERS: readonly Marker[] = [
  {
    id: 'clock',
    label: 'a certificate outside its validity window (clock or expiry)',
    re: /certificate has expired|certificate is not valid yet|not yet valid|certificate (?:has )?expired|clock skew|is not valid yet \(invalid for another/i,
  },
  {
    id: 'tls',
    label: 'TLS verification failed',
    re: /x509:|certificate signed by unknown authority|certificate is not valid for any names|certificate is valid for \S+, not|tls: failed to verify|SSL certificate problem|CERTIFICATE_VERIFY_FAILED|self[- ]signed certificate|unable to get local issuer certificate|certificate verify failed|tls: handshake failure/i,
  },
  {
    id: 'proxy',
    label: 'a proxy refused or failed the request',
    re: /proxyconnect|Proxy Authentication Required|tunneling socket could not be established|Received HTTP code 40\d from proxy after CONNECT|Unable to connect to the server: (?:Forbidden|Bad Gateway|Proxy Authentication Required|Service Unavailable)\s*$|^\s*(?:Error: )?.*\b(?:Get|Post|Put|Head|Patch|Delete) "?https:\/\/\S+"?: (?:Forbidden|Bad Gateway|Proxy Authentication Required)\s*$/im,
  },
  {
    id: 'dns',
    label: 'a name did not resolve (DNS)',
    re: /no such host|Temporary failure in name resolution|Name or service not known|Could not resolve host|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|server misbehaving|Name does not resolve|Temporary failure resolving|nodename nor servname provided|lookup \S+ on [\d.:[\]a-f]+:53/i,
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
    re: /no basic auth credentials|unauthorized: authentication required|authentication required|denied: requested access to the resource is denied|\b401 Unauthorized\b|unable to retrieve auth token/i,
  },
  {
    id: 'quota',
    label: 'a ResourceQuota or LimitRange refused the object',
    re: /exceeded quota|failed quota|must specify (?:limits|requests)\.|forbidden: maximum \S+ usage|forbidden: minimum \S+ usage/i,
  },
  {
    id: 'rbac',
    label: 'RBAC forbade the request',
    // Quotes may come escaped (`\"`) when a logger prints the error inside a quoted field (logfmt).
    re: /is forbidden: User \\?"[^"\\]+\\?" cannot|cannot (?:get|list|watch|create|update|patch|delete) resource \\?"[^"\\]+\\?" in API group/i,
  },
  {
    id: 'file-limits',
    label: 'a file-descriptor or inotify limit was hit',
    re: /too many open files|\bEMFILE\b|\bENFILE\b|os error 24|inotify|max_user_(?:watches|instances)|fsnotify watcher|ENOSPC: System limit for number of file watchers/i,
  },
  {
    id: 'no-space',
    label: 'a disk or filesystem is full',
    re: /no space left on device|\bENOSPC\b|disk quota exceeded|DiskPressure|EvictionThresholdMet/i,
  },
  {
    id: 'memory',
    label: 'memory ran out (a process was killed)',
    re: /OOMKilled|out of memory|oom-kill|invoked oom-killer|Cannot allocate memory|\bENOMEM\b|(?:exit status|code|errno)[: ]+137\b|^(?:#\d+ [\d.]+ )?Killed\s*$/im,
  },
  {
    id: 'crash',
    label: 'a program crashed (Go panic or segmentation fault)',
    re: /^panic: |\bSIGSEGV\b|segmentation fault|^fatal error: |^goroutine \d+ \[running\]/im,
  },
  {
    id: 'permission',
    label: 'permission denied',
    re: /permission denied|\bEACCES\b|operation not permitted|\bEPERM\b/i,
  },
  {
    id: 'connection-refused',
    label: 'a connection was refused',
    re: /connection refused|\bECONNREFUSED\b/i,
  },
  {
    id: 'network',
    label: 'the network dropped or could not route the connection',
    re: /connection reset by peer|\bECONNRESET\b|network is unreachable|no route to host|\bEHOSTUNREACH\b|\bENETUNREACH\b|unexpected EOF|TLS handshake timeout|Max retries exceeded with url|Failed to download metadata for repo|No URLs in mirrorlist|Unable to fetch some archives|Failed to fetch https?:/i,
  },
  {
    id: 'timeout',
    label: 'a network call timed out',
    re: /i\/o timeout|context deadline exceeded|\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|Client\.Timeout exceeded|operation timed out|connection timed out|Read timed out|ERR_SOCKET_TIMEOUT/i,
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

/** The regex of a marker. */
export function markerRe(id: MarkerId): RegExp {
  return MARKERS.find((m) => m.id === id)!.re;
}
