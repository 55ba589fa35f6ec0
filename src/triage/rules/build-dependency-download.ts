// A RUN step could not download what it installs: a package manager or a language tool (dnf/yum "Failed to
// download metadata for repo", apt "Failed to fetch" / "Temporary failure resolving", go "dial tcp: i/o timeout",
// pip "Max retries exceeded", npm ETIMEDOUT/ECONNRESET). The network, a proxy, a mirror that moved (an EOL
// distribution) or a transient outage: not the instruction's syntax.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf } from './evidence-facts.js';
import {
  APK_NETWORK_ERROR,
  MARKERS,
  markerRe,
  outputMatching,
  outputTexts,
  toolOutput,
  type MarkerId,
} from './infra-markers.js';
import { failedSteps } from './journal-facts.js';
import { DROPPED } from './engine-runtime-crash.js';
import { RESOLVER_FAILED } from './dns-resolution.js';
import { proxyHops, serverGatewayOnly } from './proxy-hop.js';
import { unroutedBuildFetch } from './registry-unreached.js';
import { repositoryAnswer } from './repository-answer.js';
import { CARGO_NETWORK_WRAPPER, FETCH_CONNECT_ONLY } from './fetch-failure-forms.js';
import { digestMismatch } from './digest-mismatch.js';

/** The markers that make a failed download. */
const NET: MarkerId[] = ['network', 'timeout', 'dns', 'connection-refused', 'proxy', 'tls'];
const NET_RE = new RegExp(
  MARKERS.filter((m) => NET.includes(m.id))
    .map((m) => m.re.source)
    .join('|'),
  'im',
);
/** Pulling the base image (FROM) is the registry's business, not a download inside RUN. */
const BASE_PULL =
  /pinging container registry|initializing source docker:|failed to resolve source metadata|error creating build container|creating build container/i;
/**
 * The engine's own API socket (podman's libpod API, docker's socket or pipe) and BuildKit's client's first call on its
 * daemon (moby/buildkit client/build.go: `listing workers for Build`): their errors are the engine's, not a RUN step's
 * download.
 */
const ENGINE_API =
  /\/libpod\/|podman\.sock|docker\.sock|%2Fvar%2Frun%2Fdocker\.sock|docker_engine|containerd\.sock|buildkitd\.sock|listing workers for Build/i;
/**
 * What shows that the step was fetching something: a URL, or the fetch words of package managers and download tools
 * (apt, dnf/yum, apk, npm/yarn, pip, maven/gradle, cargo, curl, wget, git). A network error without any of them may
 * be the step's own program talking to its own service, not a download.
 */
const FETCH =
  /https?:\/\/|\b(?:fetch|fetching|download(?:ing)?|Failed to (?:fetch|download)|resolving|resolve host|mirrorlist|metadata for repo|Retrying \(Retry|Max retries exceeded|npm ERR! network|transfer artifact|unable to access|registry\.npmjs|pypi|proxy\.golang|go: \S+@)/i;
/**
 * Only the connection failed (no answer from any server): a timeout, a refused or reset connection (Winsock's too;
 * Node's `socket hang up` is its reset; Ruby's Net::OpenTimeout its connect that timed out; apk's network errors,
 * APK_NETWORK_ERROR, name no server's answer either; nor do the tools' connect failures and timeouts, FETCH_CONNECT_ONLY).
 */
const CONNECT_ONLY = new RegExp(
  `${APK_NETWORK_ERROR.source}|${FETCH_CONNECT_ONLY.source}|${/socket hang up|Net::OpenTimeout|\(execution expired\)|i\/o timeout|ETIMEDOUT|timed out|connection refused|ECONNREFUSED|connection reset|ECONNRESET|network is unreachable|no route to host|\bE(?:NET|HOST)UNREACH\b|actively refused it|forcibly closed by the remote host|did not properly respond|to an unreachable (?:network|host)/.source}`,
  'i',
);
/** A server answered: an HTTP status, a checksum, a package that is not there. */
const ANSWERED = /\b(?:40[0-9]|5\d\d)\b|Hash Sum mismatch|checksum|No matching distribution|Unable to locate package/i;
/**
 * A package manager's summary of the fetches that failed above it (dnf's `Failed to download metadata for repo ...:
 * All mirrors were tried`, apt's `Unable to fetch some archives`, cargo's `network failure seems to have happened`): it
 * restates their errors and adds no cause.
 */
const SUMMARY = new RegExp(
  `Failed to download metadata for repo|Errors during downloading metadata|All mirrors were tried|Unable to fetch some archives|Some index files failed to download|${CARGO_NETWORK_WRAPPER.source}`,
  'gi',
);
/** A line whose only network words are a summary's. */
function summaryOnly(line: string): boolean {
  return new RegExp(SUMMARY.source, 'i').test(line) && !NET_RE.test(line.replace(SUMMARY, ''));
}
/** A mirror or repository that no longer serves the files: 404s of package managers. */
const GONE = /No URLs in mirrorlist|404\s+Not Found \[IP|does not have a Release file|Failed to fetch .* 404/i;

/**
 * A distribution's package manager answering that a package is not in the repositories of this base image's release:
 * apk (`ERROR: unable to select packages:`, `X (no such package):`), apt (`E: Unable to locate package X`, `E: Package
 * 'X' has no installation candidate`), dnf (`No match for argument: X`, `Error: Unable to find a match: X`), yum (`No
 * package X available.`). A misspelt name reads alike, and so does a release that dropped the package (an unpinned
 * FROM that moved on): both readings, below 50%. (A language registry's `No matching distribution` is left to the
 * instruction: most often a name or a version that never existed.)
 */
// Each form with the tool's own prefix or punctuation: an application's "Unable to find a match for route /api" is not
// a package manager's answer.
const NO_SUCH_PACKAGE =
  /\(no such package\)|unable to select packages:|E: Unable to locate package |E: Package '[^']+' has no installation candidate|No match for argument: |Error: Unable to find a match: |No package \S+ available\./i;

/** The repositories of the base image's release answered that a package is not there (NO_SUCH_PACKAGE), or nothing. */
function packageNotThere(input: TriageInput, image: string): Match | undefined {
  const lines = outputMatching(input, NO_SUCH_PACKAGE, 3, ['build']);
  if (lines.length === 0) return undefined;
  return {
    confidence: conf(0.45),
    summary: `Image ${image}: a RUN step asked the package manager for a package the repositories of this base image's release do not have: the release no longer carries it (an unpinned FROM moved to a newer release), or its name is wrong.`,
    evidence: lines,
    actions: [
      'pin the base image to the release the Containerfile was written for (e.g. alpine:3.15, not alpine)',
      'or install the package under its name in the new release (e.g. python3 for python)',
    ],
  };
}

/**
 * A server answered the step's fetch with an error status and no network error shows (repository-answer.ts): the
 * repository changed or failed under the build (an index gone, https only, a 5xx: 85%), or one file is not at its URL
 * (removed, or the URL is wrong) or was refused: both readings, 45%.
 */
function serverAnswered(input: TriageInput, image: string): Match | undefined {
  const answer = repositoryAnswer(input);
  if (!answer) return undefined;
  const repository = answer.kind === 'repository';
  const status = answer.status ? ` (${answer.status})` : '';
  return {
    confidence: conf(repository ? 0.85 : 0.45),
    summary: `Image ${image}: a RUN step's download was answered with an error${status}: ${
      repository
        ? 'the repository no longer serves it this way (an end-of-life release moved to an archive, a server that now serves only https) or failed (a 5xx). The instruction itself is not wrong.'
        : answer.kind === 'file'
          ? 'the file is not at that URL: it was removed or moved, or the URL in the Containerfile is wrong.'
          : 'the server refused it or failed (credentials, a block, an outage; over plain http a proxy of this network may have answered), or the URL in the Containerfile is wrong.'
    }`,
    evidence: answer.lines,
    actions: [
      'open the URL the step fetches: is it still served there, and over https?',
      'point the package manager at the archive/vault mirror, or move the base image to a supported release',
    ],
  };
}

/**
 * A package manager found that a download's bytes are not the ones recorded for it (digest-mismatch.ts): the server
 * or something on the way served other bytes, or the recorded hash is wrong. Both readings, 45%.
 */
function otherBytes(input: TriageInput, image: string): Match | undefined {
  const lines = digestMismatch(input);
  if (lines.length === 0) return undefined;
  return {
    confidence: conf(0.45),
    summary: `Image ${image}: a RUN step downloaded a package whose checksum is not the one recorded for it: the repository, a mirror, a cache or a proxy served other bytes (a republished package, a transfer cut or altered on the way), or the recorded hash (lockfile, go.sum, requirements hashes) is stale.`,
    evidence: lines,
    actions: [
      `tarmac build --only ${image}   # retry: a cut or a mirror mid-sync passes`,
      'compare the recorded hash with the one the registry publishes now; regenerate the lockfile if it changed',
    ],
  };
}

export const buildDependencyDownload: Rule = {
  id: 'build-dependency-download',
  title: 'A build step could not download a dependency (network, mirror or proxy)',
  refs: ['corpus: build-dependency-download'],
  match(input: TriageInput): Match | undefined {
    const builds = failedSteps(input.run).filter((f) => f.kind === 'build' && f.error?.code === 'BUILD_FAILED');
    if (builds.length === 0) return undefined;
    const image = builds[0]!.subject ?? builds[0]!.stepId.replace(/^build:/, '');
    // The whole lines are judged (a quote is shortened, and pip's or maven's cause often comes after 240 characters).
    const raw = [
      ...new Set(
        toolOutput(input)
          .filter((l) => l.from === 'build' && NET_RE.test(l.text))
          .map((l) => l.text)
          .filter((t) => !BASE_PULL.test(t) && !ENGINE_API.test(t) && !DROPPED.test(t)),
      ),
    ].slice(0, 3);
    if (raw.length === 0)
      return serverAnswered(input, image) ?? otherBytes(input, image) ?? packageNotThere(input, image);
    const lines = outputMatching(input, NET_RE, 3, ['build']).filter(
      (l) => !BASE_PULL.test(l) && !ENGINE_API.test(l) && !DROPPED.test(l),
    );
    const text = raw.join('\n');
    const gone = GONE.test(text);
    // The per-fetch errors decide; a summary line judges nothing by itself (it is kept when it is all there is).
    const causes = raw.some((l) => !summaryOnly(l)) ? raw.filter((l) => !summaryOnly(l)) : raw;
    // A name that did not resolve (or a resolver that did not answer) explains the failed download: the
    // consequence defers to dns-resolution. A proxy in the path explains it too: it defers to proxy.
    const resolverOnly = causes.every((l) => RESOLVER_FAILED.test(l) || markerRe('dns').test(l));
    // A certificate the client would not trust (or a server without TLS) explains it too: the fetch reached a server
    // and refused it, so tls-untrusted (or clock-skew) names the cause; the download ranks below even their ambiguous
    // 40%.
    const certificateOnly = causes.every((l) => markerRe('tls').test(l));
    // A server's own gateway answering `502 Proxy Error` over https is the repository answering, not a proxy here.
    const proxied =
      outputTexts(input, markerRe('proxy'), 3, ['build']).some((t) => !serverGatewayOnly(t)) ||
      proxyHops(input, 1).length > 0 ||
      // No route out at all (ENETUNREACH): the build's network, not a server, and most often a proxy it lacks.
      unroutedBuildFetch(input, 1).length > 0;
    // Nothing but a failed connection to the origin: a transient outage, a firewall or a missing proxy look alike.
    const connectOnly = !ANSWERED.test(text) && causes.every((l) => CONNECT_ONLY.test(l));
    const fetching = FETCH.test(text) || outputMatching(input, FETCH, 1, ['build']).length > 0;
    const host = /https?:\/\/([\w.-]+)/.exec(text)?.[1] ?? /(?:resolving|resolve host:?) '?([\w.-]+)/i.exec(text)?.[1];
    return {
      // A network word with nothing fetched: not more than an even chance that a download is what failed. A bare
      // connection failure (no server answered) is printed alike by a transient outage and by a network that needs
      // a proxy the build does not use: text two causes print stays below 50% (src/triage/README.md).
      confidence: conf(
        certificateOnly ? 0.38 : resolverOnly || proxied ? 0.42 : !fetching ? 0.45 : connectOnly && !gone ? 0.48 : 0.85,
      ),
      explains: NET,
      summary: `Image ${image}: a RUN step could not download a dependency${host ? ` from ${host}` : ''}: ${gone ? 'the repository or mirror no longer serves it (e.g. an end-of-life distribution moved to an archive)' : connectOnly ? 'no server answered: a transient outage, a firewall, or a proxy this network needs and the build does not use' : 'the network, DNS or a proxy failed the download (often transient)'}. The instruction itself is not wrong.`,
      evidence: lines,
      actions: [
        gone
          ? 'point the package manager at the archive/vault mirror, or move the base image to a supported release'
          : `tarmac build --only ${image}   # retry: a transient outage passes`,
        `podman run --rm <base image> sh -c 'getent hosts ${host ?? '<host>'}'   # does the build network resolve and reach it?`,
        'behind a proxy: pass HTTP_PROXY/HTTPS_PROXY as build args',
      ],
    };
  },
};
