// Workloads up-podman.test.ts deploys into its env beside the example, as inline groups.

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
