import { conf } from "./evidence-facts.js";
import { markerRe, outputMatching } from "./infra-markers.js";
const fileLimits = {
  id: "file-limits",
  title: "A file-descriptor or inotify limit was reached",
  refs: ["corpus: file-limits"],
  match(input) {
    const lines = outputMatching(input, markerRe("file-limits"), 3);
    if (lines.length === 0) return void 0;
    const inotify = /inotify|fsnotify|watcher|file watchers/i.test(lines.join("\n"));
    return {
      confidence: conf(0.85),
      explains: ["file-limits"],
      summary: inotify ? "The inotify limits of the host are used up (fs.inotify.max_user_instances / max_user_watches): a watcher could not be created." : "A process ran out of file descriptors (too many open files): its RLIMIT_NOFILE, or the inotify instances behind a watcher, are exhausted.",
      evidence: lines,
      actions: [
        "sysctl fs.inotify.max_user_instances fs.inotify.max_user_watches; ulimit -n",
        "sudo sysctl -w fs.inotify.max_user_instances=8192 fs.inotify.max_user_watches=524288",
        "raise LimitNOFILE of the engine service (or ulimit -n) if it is the descriptor limit"
      ]
    };
  }
};
export {
  fileLimits
};
//# sourceMappingURL=file-limits.js.map
