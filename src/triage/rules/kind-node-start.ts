// kind could not start a node container: `failed to create cluster: command "docker run --name X-control-plane ..."
// failed with error: exit status 125` (kind 0.7 put `--hostname X` first: `docker run error: command "docker run
// --hostname X-control-plane --name X-control-plane ..."`), or the engine's "Error response from daemon" while preparing nodes. The
// engine refused the privileged node (SELinux, cgroup namespace or cgroup version, a device it cannot open).
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf, engineCmd } from './evidence-facts.js';
import { outputMatching } from './infra-markers.js';
import { ENGINE_CLIENT_UNREACHABLE } from './engine-unreachable.js';
import { clusterStepFailed } from './kind-create-signatures.js';

const RUN_FAILED =
  /command "(?:docker|podman) run [^"]*?--name \S+-(?:control-plane|worker\d*)[^"]*" failed with error|\u2717 Preparing nodes|^(?:docker|podman): Error response from daemon: |\bOCI runtime (?:error|create failed)\b|\brunc create failed\b|\bOCI permission denied\b|failed to create shim task/im;

/**
 * The node container stopped while kind was still setting it up (docker's `Container X is not running`, podman's
 * `can only create exec sessions on running containers: container state improper`): it started and exited during
 * boot. Its own log says why (systemd, cgroups), so the verdict stays below 50%.
 */
export const EXITED =
  /Container \S+ is not running|can only create exec sessions on running containers|container state improper/i;

/**
 * kind could not read a node it had just started: `failed to get kubernetes version from node` (its read of
 * /kind/version came back empty) or its `exec ... cat /kind/version` itself failing (as `kind export logs` of a dead
 * node prints it). Every kind node image has that file, so the node is not running, or its engine cannot exec in it.
 * Likewise kind's writes of its files into a node before kubeadm runs (kubernetes-sigs/kind
 * pkg/cluster/nodeutils/util.go WriteFile: `exec -i NODE mkdir -p DIR`, `exec -i NODE cp /dev/stdin PATH`; the config
 * action's `failed to copy kubeadm config to node`, old kind's HA join `failed to copy certificate ca.crt: ...`).
 */
const UNREADABLE =
  /failed to get kubernetes version from node|failed to copy (?:kubeadm config to node|certificate \S+:)|command "(?:docker|podman|nerdctl) exec (?:--privileged )?(?:-i )?\S+ (?:cat \/kind\/version|cp \/dev\/stdin |mkdir -p )[^"]*" failed/i;

/**
 * k3d's wait for its node's log line that ended without it (k3d-io/k3d pkg/client/node.go, NodeWaitForLogMessage:
 * `error waiting for log line `k3s is up and running` from node 'N': stopped returning log lines`, `Context deadline
 * exceeded while waiting for log message '...' of node N`, and its retry after the node's last line was fatal:
 * `warning: encountered fatal log from node N (retrying 0/10): <the line>`): the node container did not come up, as
 * kind's node that exited; the fatal line itself may name the cause (another rule reads it). Also the wait's own
 * wrapper (`Failed waiting for log message 'k3s is up and running' from node 'N': ...`) and k3d's docker runtime
 * finding the node's container stopped when it reads its logs (pkg/runtimes/docker/node.go, GetNodeLogs: `node 'N'
 * (container 'ID') not running`).
 */
const K3D_NODE_DOWN =
  /error waiting for log line `[^`]*` from node '[^']*': stopped returning log lines|deadline exceeded while waiting for log message '[^']*' of node|encountered fatal log from node \S+ \(retrying|Failed waiting for log message '[^']*' from node '[^']*'|\bnode '[^']*' \(container '[^']*'\) not running/i;
/** kind's unreadable node or k3d's node that never logged its start. */
const NODE_DOWN = new RegExp(`${UNREADABLE.source}|${K3D_NODE_DOWN.source}`, 'i');

/**
 * The engine's own words for a node it refused, beside kind's progress mark: docker's `Error response from daemon`,
 * podman's `Error: ` line (also as kind relays it after `Command Output: `), a denied permission, a cgroup it could
 * not set up. kind's own heading (`ERROR: failed to create cluster: ...`, printed for every failure, whatever failed)
 * is none of them (case matters: kind writes `ERROR:`), nor is kind 0.5's and older's cobra form of that heading
 * (`Error: failed to create cluster: ...`, kubernetes-sigs/kind#306, #884), nor the log line kind waited for
 * (`... |detected cgroup v1`).
 */
const ENGINE_SAID = /Error response from daemon|(?:^\s*|Command Output: )Error: (?!failed to create cluster\b)/m;
const DENIED_OR_CGROUP = /permission denied|cgroup/i;
const KIND_WAIT = /could not find a log line that matches/i;

export const kindNodeStart: Rule = {
  id: 'kind-node-start',
  title: 'The engine could not start a kind node container',
  refs: ['corpus: kind-node-boot'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, RUN_FAILED, 3, ['cluster', 'run']);
    const name = clusterName(input);
    const cmd = engineCmd(input);
    if (lines.length === 0) return exitedWhileCreating(input, name, cmd);
    const why = [
      ...outputMatching(input, ENGINE_SAID, 2, ['cluster', 'run']),
      ...outputMatching(input, DENIED_OR_CGROUP, 2, ['cluster', 'run']),
    ]
      .filter((l) => !KIND_WAIT.test(l))
      .slice(0, 2);
    // kind's progress mark alone ("✗ Preparing nodes") says a node was not prepared, not that the engine refused it.
    const refused = lines.some((l) => !/\u2717 Preparing nodes/.test(l)) || why.length > 0;
    // An engine the client could not reach starts no node at all: that is the cause (engine-unreachable).
    const noEngine = outputMatching(input, ENGINE_CLIENT_UNREACHABLE, 1, ['cluster', 'run']).length > 0;
    return {
      confidence: conf(noEngine ? 0.3 : refused ? 0.7 : 0.45),
      explains: ['permission'],
      summary: `${cmd} refused to start a node container of kind cluster ${name}: the privileged node needs what this host does not give (SELinux allowing it, a cgroup setup the node image supports, the devices it mounts).`,
      evidence: [...new Set([...lines, ...why])],
      actions: [
        `kind create cluster --name ${name} --retain -v 3   # keep the node and print the engine's error`,
        `${cmd} info --format '{{.Host.CgroupsVersion}} {{.Host.Security.SELinuxEnabled}}'`,
        'ausearch -m avc -ts recent   # SELinux denials, if enabled',
      ],
    };
  },
};

/** A node container that exited while kind created the cluster (EXITED), or nothing. */
function exitedWhileCreating(input: TriageInput, name: string, cmd: string): Match | undefined {
  const creating = outputMatching(input, /failed to create cluster/i, 1, ['cluster']);
  const exited = outputMatching(input, EXITED, 2, ['cluster']);
  const unreadable = clusterStepFailed(input) ? outputMatching(input, NODE_DOWN, 2, ['cluster']) : [];
  if ((creating.length === 0 || exited.length === 0) && unreadable.length === 0) return undefined;
  return {
    confidence: conf(0.45),
    // k3d's wait that ran out its deadline is this node, not the network's timeout.
    explains: ['timeout'],
    summary: `A node container of kind cluster ${name} started and then exited while kind was setting it up (or could not be read): it did not boot (its own log names why, most often systemd or the host's cgroups).`,
    evidence: [...new Set([...creating, ...exited, ...unreadable])],
    actions: [
      `kind create cluster --name ${name} --retain   # keep the node, then read its log`,
      `${cmd} logs ${name}-control-plane 2>&1 | tail -30`,
    ],
  };
}
