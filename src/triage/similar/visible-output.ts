// Which lines of a public report's output tarmac itself would have seen (the corpus replay and the known reports
// both use it). A report often pastes more than the failing command printed: the shell prompt and command line, and
// host logs (journalctl) of daemons. tarmac reads the output of the commands it runs, never the host's journal, so
// those lines are not output; the journal lines of the daemons inside a kind node are what `kind export logs` gives
// triage (see nodeLogs). Pure.

/** A journald/syslog line: `Mon DD HH:MM:SS host process[pid]: message`. */
const JOURNAL = /^\s*[A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d \S+ +([A-Za-z0-9_.-]+)(?:\[\d+\])?: ?(.*)$/;

/** Commands whose output tarmac reads (it runs them itself); their journal lines keep their message. */
const OWN_TOOLS = new Set(['podman', 'docker', 'buildah', 'kind', 'kubectl', 'helm']);

/**
 * A shell prompt with a command: `$ kind create ...`, `root@host:~# docker pull ...`, `host \u279C  kubectl logs ...`
 * (the arrow as an escape: the CLI bundle stays ASCII).
 */
const PROMPT =
  /^\s*(\$ |[\w.-]+@[\w.-]+:\S*\s*[$#] |\S+ \u279C |# (podman|docker|buildah|kind|kubectl|helm|crictl|ctr) )/;

/** The lines tarmac would have seen, in order; empty lines dropped. */
export function visibleLines(output: string): string[] {
  const out: string[] = [];
  for (const raw of output.split(/\r\n|\r|\n/)) {
    if (raw.trim() === '' || PROMPT.test(raw)) continue;
    const journal = JOURNAL.exec(raw);
    if (!journal) {
      out.push(raw);
      continue;
    }
    if (OWN_TOOLS.has(journal[1] ?? '') && journal[2]?.trim()) out.push(journal[2]);
  }
  return out;
}

/** Daemons that run inside a kind node: `kind export logs` writes their journal into the node's log files. */
const NODE_DAEMONS = new Set(['kubelet', 'containerd', 'systemd', 'kubeadm']);

/** A node's exported log files (`kubelet.log`, `containerd.log`, `journal.log`) with the case's node-daemon lines. */
export function nodeLogs(output: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const add = (file: string, line: string) => files.set(file, [...(files.get(file) ?? []), line]);
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const daemon = JOURNAL.exec(raw)?.[1] ?? '';
    if (!NODE_DAEMONS.has(daemon)) continue;
    if (daemon === 'kubelet' || daemon === 'containerd') add(`${daemon}.log`, raw.trim());
    add('journal.log', raw.trim());
  }
  return files;
}
