// A server that answered a build's fetch with an error status, in the download tools' own words: the fetch reached
// the repository and it said no. Read by build-dependency-download (the download failed) and build-failed (which
// then does not blame the instruction at 90%). Pure.
import type { TriageInput } from '../types.js';
import { outputMatching, outputTexts } from './infra-markers.js';

/**
 * The download tools' words for a server that answered with an HTTP error status: busybox wget's `wget: server returned
 * error: HTTP/1.1 501 HTTPS Required`, GNU wget's `ERROR 404: Not Found.`, curl's `The requested URL returned error:
 * 404`, librepo's (dnf) `Status code: 404 for URL`, urlgrabber's (yum) `HTTP Error 404 - Not Found`, pip's `HTTP error
 * 404 while getting URL`, Maven's wagon `Return code is: 501 , ReasonPhrase:HTTPS Required.` and its resolver's `status
 * code: 501, reason phrase: ...`, Gradle's `Could not GET 'URL'. Received status code 502 from server: Bad Gateway`
 * (gradle/gradle HttpErrorStatusCodeException: any status but 2xx, 3xx and 404, which Gradle reports as a missing
 * module), .NET's HttpClient as NuGet relays it (dotnet/runtime `net_http_message_not_success_statuscode`: `Response
 * status code does not indicate success: 503 (Service Unavailable).`), the go command's module fetch (golang/go
 * src/cmd/go/internal/web/api.go HTTPError: `reading https://proxy.golang.org/...: 410 Gone`), npm's (npm/npm-registry-
 * fetch lib/errors.js: `404 Not Found - GET https://registry.npmjs.org/x`), yarn v1's (`Request failed \"500 Internal
 * Server Error\"`, as Expo's EAS build error matchers quote it); and apt's `The repository 'URL suite Release' does not
 * have a Release file.` (apt asked for the suite's index and the server has none).
 */
const STATUS =
  /server returned error: HTTP\/[\d.]+ ([45]\d\d)\b|\bERROR ([45]\d\d): |The requested URL returned error: ([45]\d\d)\b|\bStatus code: ([45]\d\d) for |\bHTTP Error ([45]\d\d)\b|\bHTTP error ([45]\d\d) while getting|Return code is: ([45]\d\d)\b|\bstatus code: ([45]\d\d), reason phrase|\bReceived status code ([45]\d\d)\b|Response status code does not indicate success: ([45]\d\d)\b|\breading https?:\/\/\S+: ([45]\d\d) [A-Z]|\b([45]\d\d) [A-Z][A-Za-z' -]*? - (?:GET|HEAD|PUT|POST) https?:\/\/|Request failed \\?"([45]\d\d)\b/i;
const NO_RELEASE_FILE = /does not have a Release file/i;
/** A repository's own index or metadata, not one file it serves: apt's dists/, dnf's repodata, apk's APKINDEX. */
const INDEX = /\/dists\/|\/repodata\/|repomd\.xml|APKINDEX|mirrorlist/i;
/** A server that no longer serves plain http (Maven Central since January 2020: `501 HTTPS Required`, or 426). */
const HTTPS_ONLY = /HTTPS Required|\b426\b/i;

/**
 * What the server's answer says: `repository` when the repository itself changed or failed (its index is gone, as for
 * an end-of-life release moved to an archive; it serves only https now; a 5xx through TLS), `file` when one file is not
 * at its URL (404/410: removed, or the URL is wrong: two readings), `refused` for another 4xx (credentials, a block) or
 * a 5xx that did not come through TLS (the server, or a proxy of this network).
 */
export type AnswerKind = 'repository' | 'file' | 'refused';

export interface RepositoryAnswer {
  kind: AnswerKind;
  status?: number;
  /** The quoted lines. */
  lines: string[];
}

/** The build's fetch a server answered with an error status (STATUS, NO_RELEASE_FILE), or undefined. */
export function repositoryAnswer(input: TriageInput): RepositoryAnswer | undefined {
  const either = new RegExp(`${STATUS.source}|${NO_RELEASE_FILE.source}`, 'i');
  const texts = outputTexts(input, either, 3, ['build']);
  if (texts.length === 0) return undefined;
  const lines = outputMatching(input, either, 3, ['build']);
  // Through TLS: the line's own URL is https, or (a tool that prints its URL on a line before, as GNU wget does)
  // every URL the step printed is.
  const urls = outputTexts(input, /\bhttps?:\/\//i, 20, ['build']).flatMap((t) => t.match(/\bhttps?:\/\//gi) ?? []);
  const viaTls = (t: string) =>
    /\bhttps?:\/\//i.test(t) ? /\bhttps:\/\//i.test(t) : urls.length > 0 && urls.every((u) => /^https/i.test(u));
  const kinds = texts.map((t): { kind: AnswerKind; status?: number } => {
    if (NO_RELEASE_FILE.test(t)) return { kind: 'repository' };
    const m = STATUS.exec(t);
    const status = Number(m?.slice(1).find((g) => g !== undefined));
    if (HTTPS_ONLY.test(t)) return { kind: 'repository', status };
    // A 5xx through TLS is the server side's; over plain http a proxy of this network may have answered it.
    if (status >= 500) return { kind: viaTls(t) ? 'repository' : 'refused', status };
    if ((status === 404 || status === 410) && INDEX.test(t)) return { kind: 'repository', status };
    return { kind: status === 404 || status === 410 ? 'file' : 'refused', status };
  });
  // The repository's own answer decides when any line gives it; else a missing file; else a refusal.
  const first = kinds.find((k) => k.kind === 'repository') ?? kinds.find((k) => k.kind === 'file') ?? kinds[0]!;
  return { ...first, lines };
}
