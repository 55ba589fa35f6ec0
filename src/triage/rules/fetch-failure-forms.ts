// The download tools' own words for a fetch that failed on the network (issue 14, eleventh round): each family as its
// emitter defines it, composed into the infrastructure markers (infra-markers.ts) and read by the download rule.
// Error texts are facts; each regex names where its words are defined. Pure.

/**
 * curl's texts for its error codes (curl/curl lib/strerror.c, curl_easy_strerror), as the tools built on libcurl relay
 * them: dnf's librepo (`Curl error (7): Couldn't connect to server for https://...`), yum (`curl#7 - "..."`), cargo
 * (`[28] Timeout was reached`), git (`RPC failed; curl 56 ...`), composer. Connect-only: CURLE_COULDNT_CONNECT (7),
 * CURLE_OPERATION_TIMEDOUT (28, also curl's low-speed text `Operation too slow. Less than N bytes/sec transferred`).
 */
export const CURL_CONNECT_FAILED = /Couldn't connect to server|Timeout was reached|Operation too slow\. Less than \d+/;
/**
 * curl's texts for a transfer the peer broke after connecting (lib/strerror.c): CURLE_SSL_CONNECT_ERROR (35),
 * CURLE_GOT_NOTHING (52, and its message `Empty reply from server`), CURLE_SEND_ERROR (55), CURLE_RECV_ERROR (56),
 * CURLE_PARTIAL_FILE (18, and lib/transfer.c's `transfer closed with N bytes remaining to read` / `with outstanding
 * read data remaining`), CURLE_HTTP2_STREAM (92: `HTTP/2 stream N was not closed cleanly`); git's own words for a
 * transport that ended (`RPC failed; curl N`, `the remote end hung up unexpectedly`, index-pack's `fatal: early EOF`).
 */
export const CURL_TRANSFER_CUT =
  /\bSSL connect error\b|Server returned nothing \(no headers, no data\)|Empty reply from server|Failed sending data to the peer|Failure when receiving data from the peer|transfer closed with (?:\d+ bytes remaining to read|outstanding read data remaining)|HTTP\/2 stream \d+ was not closed cleanly|RPC failed; curl \d+|the remote end hung up unexpectedly|fatal: early EOF/;
/** curl's text for CURLE_COULDNT_RESOLVE_HOST (6), as librepo and cargo relay it: a name that did not resolve. */
export const CURL_RESOLVE_FAILED = /Couldn't resolve host name/;

/**
 * The JDK's socket and TLS exceptions, as Maven, Gradle and sbt relay them: java.net.SocketException's bare
 * `Connection reset` (no `by peer`), javax.net.ssl's `Remote host terminated the handshake` / `Remote host closed
 * connection during handshake` (network); java.net.SocketTimeoutException's `connect timed out` (connect-only).
 */
export const JAVA_NET_CUT =
  /SocketException: Connection reset\b|Remote host terminated the handshake|Remote host closed connection during handshake/;
export const JAVA_CONNECT_TIMEOUT = /\bconnect timed out\b/;

/**
 * urllib3's exception names in pip's retry warnings and errors (urllib3/urllib3 src/urllib3/exceptions.py):
 * NewConnectionError (its connect failed) and ConnectTimeoutError / ReadTimeoutError (timeouts) are connect-only;
 * ProtocolError's `Connection aborted.` / `Connection broken: ...` (src/urllib3/response.py, `IncompleteRead`) is a
 * transfer the peer broke.
 */
export const URLLIB3_CONNECT = /\bNewConnectionError\(|\bConnectTimeoutError\(|\bReadTimeoutError\(/;
export const URLLIB3_CUT = /ProtocolError\('Connection (?:aborted|broken)|Connection broken: IncompleteRead/;

/**
 * The package managers' own sentences for a network failure: npm's (npm/cli lib/utils/error-message.js: `network This
 * is a problem related to network connectivity.`), yarn v1's retry notice (yarnpkg/yarn src/reporters/lang/en.js
 * offlineRetrying: `There appears to be trouble with your network connection. Retrying...`), cargo's retry warning
 * (rust-lang/cargo src/cargo/util/network/retry.rs: `spurious network error`), bundler's (rubygems/rubygems
 * bundler/lib/bundler/fetcher.rb: `Could not reach host H. Check your network connection and try again.`), NuGet's
 * timeout (NuGet/NuGet.Client Strings.Http_Timeout: `The HTTP request to 'GET https://...' has timed out after
 * 100000ms.`); apt's http method (Debian apt methods/connect.cc: `Unable to connect to H:http:`, `Connection failed`,
 * `Could not connect to H:P (ip)`; methods/http.cc: `Error reading from server. Remote end closed connection`); GNU
 * wget's `Unable to establish SSL connection.` (src/http.c). Every one but apt's read error names no server's answer.
 */
export const MANAGER_CONNECT_FAILED =
  /problem related to network connectivity|trouble with your network connection|spurious network error|Could not reach host \S+\. Check your network connection|The HTTP request to '[A-Z]+ \S+' has timed out after|\bUnable to connect to \S+:(?:https?|\d+):|\bConnection failed \[IP: |Unable to establish SSL connection/i;
export const MANAGER_TRANSFER_CUT = /Error reading from server\. Remote end closed connection/;
/**
 * cargo's wrapper of any network-class libgit2 error (rust-lang/cargo src/cargo/sources/git/utils.rs: `network failure
 * seems to have happened`): a network failure whose cause is the `Caused by:` detail below it, so like a package
 * manager's summary it judges nothing by itself (build-dependency-download's SUMMARY).
 */
export const CARGO_NETWORK_WRAPPER = /network failure seems to have happened/;
/**
 * apk skipping a repository index it could not fetch with an I/O error (alpinelinux/apk-tools src/print.c apk_error_str,
 * EIO: `WARNING: Ignoring http://dl-cdn.alpinelinux.org/alpine/v3.10/main/armhf/APKINDEX.tar.gz: IO ERROR`): the
 * transfer failed without a server's answer (connect-only); the packages then found `(missing)` are its consequence.
 */
export const APK_INDEX_IO_ERROR = /Ignoring \S+APKINDEX\.tar\.gz: IO ERROR/i;

/**
 * Twelfth round: the JVM's HTTP clients as Maven and Gradle relay them. Apache HttpComponents' words for a server
 * that said nothing (httpcore DefaultHttpResponseParser: NoHttpResponseException's `The target server failed to
 * respond`) or ended a body early (ContentLengthInputStream / ChunkedInputStream: `Premature end of Content-Length
 * delimited message body (expected: N; received: M)`, `Premature end of chunk coded message body`), and the JDK's bare
 * `Connection reset` after Maven's resolver's framing (maven-resolver: `Could not transfer artifact A from/to central
 * (URL): Connection reset`): transfers the peer broke. Gradle's wrapper download that timed out (gradle/gradle
 * wrapper Download.java: `Downloading from URL failed: timeout (10000ms)`): connect-only.
 */
export const JVM_HTTP_CUT =
  /The target server failed to respond|Premature end of (?:Content-Length delimited message body|chunk coded message body)|from\/to \S+ \(\S+\): (?:[\w.]+: )?Connection reset\b/;
export const GRADLE_WRAPPER_TIMEOUT = /Downloading from \S+ failed: timeout \(\d+ ?ms\)/;
/**
 * conda's own words for a request no server answered (conda/conda gateways/connection/download.py, CondaHTTPError:
 * `HTTP 000 CONNECTION FAILED for url <URL>`); curl's detailed TLS connect errors (CURLE_SSL_CONNECT_ERROR, 35) the peer
 * cut, as its OpenSSL and GnuTLS backends word them (curl/curl lib/vtls/openssl.c: `OpenSSL SSL_connect:
 * SSL_ERROR_SYSCALL in connection to H:443`; lib/vtls/gtls.c: `gnutls_handshake() failed: Error in the pull function`,
 * `... The TLS connection was non-properly terminated.`): connect-only. Python's http.client IncompleteRead as urllib3
 * and pip print it bare (`IncompleteRead(12345 bytes read, 67890 more expected)`): a transfer the peer broke.
 */
export const CONDA_CONNECTION_FAILED = /HTTP 000 CONNECTION FAILED for url/;
export const TLS_CONNECT_CUT =
  /SSL_connect: SSL_ERROR_SYSCALL in connection to|gnutls_handshake\(\) failed: (?:Error in the pull function|The TLS connection was non-properly terminated)/;
export const INCOMPLETE_READ = /IncompleteRead\(\d+ bytes read, \d+ more expected\)/;

/**
 * RubyGems' words for a source it could not read (rubygems/rubygems lib/rubygems/resolver SourceFetchProblem#wordy:
 * `Unable to download data from https://rubygems.org/ - timed out (https://api.rubygems.org/specs.4.8.gz)`, not its
 * `bad response` of a server that answered) and for a connection reset twice (lib/rubygems/request.rb: `too many
 * connection resets`): the network failed the fetch.
 */
export const RUBYGEMS_FETCH_FAILED =
  /Unable to download data from https?:\/\/\S+ - (?!bad response)|too many connection resets/;

/** Every form above that names no server's answer: a connection that failed or timed out. */
export const FETCH_CONNECT_ONLY = new RegExp(
  [
    CURL_CONNECT_FAILED,
    JAVA_CONNECT_TIMEOUT,
    URLLIB3_CONNECT,
    MANAGER_CONNECT_FAILED,
    APK_INDEX_IO_ERROR,
    /\bSSL connect error\b/,
    GRADLE_WRAPPER_TIMEOUT,
    CONDA_CONNECTION_FAILED,
    TLS_CONNECT_CUT,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);
/**
 * The network marker's share: transfers the peer broke, and failed connects that are no timeout. Not urllib3's
 * NewConnectionError: it wraps an errno whose own words the markers read (a pip line wrapped before them is no cause).
 */
export const FETCH_NETWORK = new RegExp(
  [
    CURL_TRANSFER_CUT,
    JAVA_NET_CUT,
    URLLIB3_CUT,
    MANAGER_TRANSFER_CUT,
    /Couldn't connect to server/,
    MANAGER_CONNECT_FAILED,
    APK_INDEX_IO_ERROR,
    CARGO_NETWORK_WRAPPER,
    JVM_HTTP_CUT,
    CONDA_CONNECTION_FAILED,
    TLS_CONNECT_CUT,
    INCOMPLETE_READ,
    RUBYGEMS_FETCH_FAILED,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);
/** The timeout marker's share. */
export const FETCH_TIMEOUT = new RegExp(
  [
    /Timeout was reached|Operation too slow\. Less than \d+/,
    JAVA_CONNECT_TIMEOUT,
    /\bConnectTimeoutError\(|\bReadTimeoutError\(/,
    GRADLE_WRAPPER_TIMEOUT,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);
