// The families of an engine call cut mid-call or left unanswered, as the engines' own clients print them (issue 14,
// eleventh round). Each regex names where its words are defined; error texts are facts. Pure.
import type { TriageInput } from '../types.js';
import { engine, quote } from './evidence-facts.js';
import { outputMatching } from './infra-markers.js';

/**
 * gRPC's status of a call whose transport went away, as grpc-go formats it (grpc/grpc-go status/status.go: `rpc error:
 * code = %s desc = %s`): by the code's name (`Unavailable`) or, in grpc-go releases before 1.10 as old dockerd and
 * containerd relay them, by its number (`code = 14` Unavailable, `code = 13` Internal for `transport is closing`:
 * moby/moby#31074, #32262).
 */
export const GRPC_CUT_STATUS = /rpc error: code = (?:Unavailable|1[34]) desc = /;

/**
 * podman's remote build client when the service's JSON stream ended with neither an image ID nor an error
 * (containers/podman pkg/bindings/images/build.go: `stream dropped, unexpected failure`): the service went away in the
 * middle of the build; a failed instruction sends its error in the stream instead.
 */
export const PODMAN_STREAM_DROPPED = /stream dropped, unexpected failure/;

/**
 * The docker CLI's call on the Engine API over TCP (its versioned path `/v1.NN/` or `/_ping`) that the peer ended
 * mid-call (`error during connect: Post https://192.168.99.100:2376/v1.26/containers/create: EOF.`, docker/cli
 * cli/command/cli.go and client/request.go; the 1.x CLI's `An error occurred trying to connect: ...`). The daemon
 * took the connection: it died or restarted, or a proxy between them closed it (docker/for-mac#3671); a hint only.
 */
export const ENGINE_TCP_CUT =
  /(?:error during connect|An error occurred trying to connect): [A-Z][a-z]+ "?(?:https?|tcp):\/\/[^\s"/]+\/(?:v1\.\d+\/[^\s"]*|_ping)"?: (?:(?:read|write) tcp \S+: )?(?:(?:read: )?connection reset by peer|(?:unexpected )?EOF)\.?\s*$/im;

/**
 * Stack frames in podman's own engine code, which only the podman program runs (a test program that drives podman
 * imports its client, pkg/bindings, not these): libpod, its local ABI, containers/storage and buildah as podman links
 * them. A Go crash through them in a test or hook command is podman crashing, even when the trace was cut before its
 * cmd/podman frames (containers/podman#1664 shows both); also as a distribution's build path names them
 * (`/builddir/build/BUILD/podman-4.4.1/libpod/...`).
 */
export const PODMAN_INTERNAL =
  /github\.com\/containers\/(?:podman|libpod)(?:\/v\d+)?\/(?:libpod|pkg\/domain\/infra\/abi|vendor\/github\.com\/containers\/(?:storage|buildah))[./]|\/podman-\d[\w.~-]*\/(?:libpod|vendor\/github\.com\/containers\/(?:storage|buildah))\//;

/**
 * gRPC's transport error for a server that went away, as grpc-go words it (internal/transport/http2_client.go:
 * `error reading from server: EOF`, `connection error: desc = "..."`) and BuildKit's grpcerrors prints it with the
 * code's name first (`failed to list workers: Unavailable: connection error: desc = "error reading from server: EOF"`).
 */
export const GRPC_SERVER_GONE =
  /\bUnavailable: (?:closing transport due to: )?connection error: desc = \\?"?error reading from server/;

/** Steps whose output is an engine client's, and the test or hook commands that may run one. */
const STEPS = ['build', 'deliver', 'cluster', 'test', 'hook'] as const;

/** Quoted lines (the probe's error first) where a call on the Engine API over TCP was cut (ENGINE_TCP_CUT): a hint. */
export function engineTcpCut(input: TriageInput): string[] {
  const e = engine(input);
  if (e && !e.reachable && e.error && ENGINE_TCP_CUT.test(e.error)) return [quote('engine', `${e.name}: ${e.error}`)];
  return outputMatching(input, ENGINE_TCP_CUT, 2, STEPS);
}
