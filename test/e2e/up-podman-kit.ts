// What up-podman.test.ts uses beside the example: workloads it deploys as inline groups, and a gated suite.
import { execa } from 'execa';

// A token in the shape GitHub issues (the redactor masks it by shape).
export const GITHUB_TOKEN = `ghp_${'a1B2'.repeat(9)}`;
// A Pod that prints a greeting, an escape sequence, a token and a stderr line, then stays up (for -f).
export const CHATTER_YAML = `
apiVersion: v1
kind: Pod
metadata: {name: chatter, labels: {app: chatter}}
spec:
  containers:
    - name: chatter
      image: base
      command: ["/bin/busybox", "sh", "-c", "echo chatter says hello; printf '\\\\033[31mred\\\\n'; echo token ${GITHUB_TOKEN}; echo chatter on stderr >&2; exec /bin/busybox sleep 600"]
`;

// A ConfigMap, a PersistentVolumeClaim and a Pod using both (a volume the env must not leak).
export const CLAIM_YAML = `
apiVersion: v1
kind: ConfigMap
metadata: {name: notes-config}
data: {GREETING: hello}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: notes}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Mi}}
---
apiVersion: v1
kind: Pod
metadata: {name: notes, labels: {app: notes}}
spec:
  containers:
    - name: notes
      image: base
      command: ["/bin/busybox", "sh", "-c", "echo $GREETING > /notes/greeting; exec /bin/busybox sleep 600"]
      envFrom: [{configMapRef: {name: notes-config}}]
      volumeMounts: [{name: notes, mountPath: /notes}]
      readinessProbe:
        exec: {command: ["/bin/busybox", "grep", "-q", "hello", "/notes/greeting"]}
        periodSeconds: 1
  volumes:
    - name: notes
      persistentVolumeClaim: {claimName: notes}
`;

// `node -e GATED_SUITE GATE CMD...`: waits until the file GATE exists, then runs CMD and exits with its code.
export const GATED_SUITE = [
  "const { existsSync } = require('node:fs');",
  "const { spawnSync } = require('node:child_process');",
  'const [gate, cmd, ...args] = process.argv.slice(1);',
  "const run = () => process.exit(spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1);",
  'const wait = () => (existsSync(gate) ? run() : setTimeout(wait, 100));',
  'wait();',
].join('\n');

/** The non-empty lines `podman ARGS` prints (nothing when it fails). */
export async function podmanLines(args: string[]): Promise<string[]> {
  return (await execa('podman', args, { reject: false })).stdout.split('\n').filter(Boolean);
}

/** Everything podman holds for env `envName`: containers, pods, networks and volumes labelled or named with it. */
export async function envResources(envName: string): Promise<string[]> {
  const label = `label=io.tarmac.env=${envName}`;
  return [
    ...(await podmanLines(['ps', '-a', '--filter', label, '--format', 'container {{.Names}}'])),
    ...(await podmanLines(['pod', 'ps', '--filter', label, '--format', 'pod {{.Name}}'])),
    ...(await podmanLines(['network', 'ls', '--format', 'network {{.Name}}'])).filter((n) => n.includes(envName)),
    ...(await podmanLines(['volume', 'ls', '--filter', label, '--format', 'volume {{.Name}}'])),
  ].filter((r) => !r.includes('foreign'));
}
