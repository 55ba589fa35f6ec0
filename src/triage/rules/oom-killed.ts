// A build step, an image import or a container was killed for memory: exit 137 / `signal: killed` / OOMKilled.
import type { Match, Rule, TriageInput } from '../types.js';
import { bytes, conf, engine, failureLinesMatching, pods, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

/** Steps whose processes the OOM killer can hit; the test step's output is left out. */
const INFRA_KINDS = ['build', 'cluster', 'deliver', 'deploy'];
/**
 * A process killed with SIGKILL, the OOM killer's signal, in each reporter's words: exit status 137 (128+9) as the
 * engines, the shells and GNU make (`*** [all] Error 137`, or `*** [all] Killed` for a child make saw killed:
 * src/job.c) print it (not `docker ps`'s `Exited (137)`: a `docker stop` that timed out kills too); Go's and Rust's process status (`signal: killed`, `signal: 9`); gcc's
 * driver for a compiler it saw killed (gcc/gcc.cc: `Killed signal terminated program cc1plus`); yarn's and npm's
 * (`Command failed with signal "SIGKILL"`, `npm ERR! signal SIGKILL`); Gradle's daemon that disappeared (`it may have
 * been killed`). None is certain by itself (a timeout kills too): 70% unless the kernel's words are there.
 */
const KILLED =
  /exit(ed| status| code)?:? 137\b|non-zero code: 137\b|errno 137\b|\(exited 137\)|\*\*\* \[[^\]]*\] (?:Error 137|Killed)\b|signal: killed|signal: 9\b|exited on killed|Killed signal terminated program|(?:with |ERR! )signal "?SIGKILL\b|daemon disappeared unexpectedly \(it may have been killed|OOMKilled|out of memory|oom-kill|^(?:#\d+ [\d.]+ )?Killed\s*$|(?:\/bin\/\S*sh|\bline \d+): .*\bKilled\b/im;
/**
 * An allocation the kernel or a runtime refused: errno ENOMEM ("Cannot allocate memory"), the JVM's, Python's,
 * C++'s and Rust's (rust-lang/rust library/std/src/alloc.rs: `memory allocation of N bytes failed`) out-of-memory
 * errors, .NET's `OutOfMemoryException`, the JVM's native one (`There is insufficient memory for the Java Runtime
 * Environment to continue.`), PHP's memory_limit (`Allowed memory size of N bytes exhausted`). Memory ran out without
 * a kill.
 */
const ALLOCATION =
  /Cannot allocate memory|\bENOMEM\b|java\.lang\.OutOfMemoryError|\bMemoryError\b|std::bad_alloc|memory allocation of \d+ bytes failed|OutOfMemoryException|insufficient memory for the Java Runtime Environment|Allowed memory size of \d+ bytes exhausted/i;
/**
 * The kubelet's words for a node out of memory, on a pod's events: its eviction for memory (kubernetes/kubernetes
 * pkg/kubelet/eviction/helpers.go: `The node was low on resource: memory.`) and its OOM watcher's event
 * (pkg/kubelet/oom/oom_watcher_linux.go: `System OOM encountered, victim process: ...`).
 */
const NODE_MEMORY = /low on resource: memory\b|System OOM encountered/i;

export const oomKilled: Rule = {
  id: 'oom-killed',
  title: 'A process was killed for lack of memory (exit 137)',
  refs: ['research-kubernaut §3 #6', 'research-kind-podman §B 3'],
  match(input: TriageInput): Match | undefined {
    // A step stopped by tarmac's own timeout is also SIGKILLed in the end: that is not memory.
    const timedOut = new Set(
      failedSteps(input.run)
        .filter((f) => /TIMEOUT/.test(f.error?.code ?? ''))
        .map((f) => f.stepId),
    );
    // The test step's output is the product's words (a suite may well send the text "OOMKilled"), not a kill signal.
    const lines = failureLinesMatching(
      input,
      new RegExp(`${KILLED.source}|${ALLOCATION.source}`, 'im'),
      4,
      INFRA_KINDS,
    ).filter((l) => ![...timedOut].some((id) => l.includes(id)));
    const oomPods = pods(input).filter((p) => p.reasons.some((r) => /OOMKilled/i.test(r)));
    const nodeShort = pods(input)
      .flatMap((p) => p.events.filter((e) => NODE_MEMORY.test(e)).map((e) => quote(`events ${p.name}`, e)))
      .slice(0, 2);
    if (lines.length === 0 && oomPods.length === 0 && nodeShort.length === 0) return undefined;
    const e = engine(input);
    const mem = input.evidence.memory?.data;
    const low = mem !== undefined && mem.availableBytes < mem.totalBytes * 0.1;
    const explicit =
      lines.some((l) =>
        /OOMKilled|out of memory|oom-kill|OutOfMemory(?:Error|Exception)|insufficient memory for the Java/i.test(l),
      ) || oomPods.length > 0;
    const allocation = lines.length > 0 && lines.every((l) => ALLOCATION.test(l));
    // An eviction for memory names it (85%); the OOM watcher's event names a victim that may be another process (70%).
    const evicted = nodeShort.some((l) => /low on resource/i.test(l));
    const confidence = explicit ? 0.9 : low || evicted ? 0.85 : 0.7;
    const machine = input.evidence.machine?.data;
    const inLoad = lines.some((l) => /ctr .*import|kind load|deliver:/i.test(l));
    return {
      confidence: conf(confidence),
      explains: ['memory'],
      summary:
        oomPods.length > 0
          ? `Pod ${oomPods[0]!.name} was OOMKilled: its container used more memory than its limit or the node had.`
          : lines.length === 0
            ? `The node ran out of memory: the kubelet ${evicted ? 'evicted the pod to reclaim memory' : "reported the kernel's OOM killer at work"}.`
            : allocation
              ? `A process could not allocate memory (${/ENOMEM|Cannot allocate memory/i.test(lines.join('\n')) ? 'ENOMEM' : 'an out-of-memory error'}): the machine, or the engine's VM, ran out of memory.`
              : `${inLoad ? 'The image import into the kind node' : 'A build step'} was killed with SIGKILL (exit 137 = 128+9), the signature of the out-of-memory killer.`,
      evidence: [
        ...lines,
        ...oomPods.map((p) => quote(`pod ${p.name}`, p.reasons.join(', '))),
        ...nodeShort,
        ...(mem ? [quote('memory', `${bytes(mem.availableBytes)} available of ${bytes(mem.totalBytes)}`)] : []),
        ...(e?.memTotalBytes
          ? [
              quote(
                'engine',
                `engine memory ${bytes(e.memTotalBytes)}${e.memFreeBytes !== undefined ? `, ${bytes(e.memFreeBytes)} free` : ''}`,
              ),
            ]
          : []),
      ],
      actions: [
        'tarmac up --capacity 1   # fewer builds at once need less memory',
        ...(machine?.exists
          ? ['podman machine stop && podman machine set --memory 12288 && podman machine start']
          : ['free -h; dmesg | grep -iE "out of memory|oom-kill" | tail']),
        ...(oomPods.length > 0 ? ['raise resources.limits.memory of that container in its manifest'] : []),
      ],
    };
  },
};
