// kind refuses a rootless engine without cgroup v2 or without delegated cpu/memory/pids controllers.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf, engine, quote } from './evidence-facts.js';
import { clusterStepFailed, createFailureLines } from './kind-create-signatures.js';

const NEEDED = ['cpu', 'memory', 'pids'];

export const kindRootless: Rule = {
  id: 'kind-rootless-delegation',
  title: 'kind rejects the rootless engine: cgroup v2 or Delegate=yes missing',
  refs: ['research-kind-podman §B 8'],
  match(input: TriageInput): Match | undefined {
    // kind's own refusal, or its node entrypoint's (kubernetes-sigs/kind images/base/files/usr/local/bin/entrypoint:
    // `ERROR: UserNS: cpu controller needs to be delegated`).
    const lines = createFailureLines(input, /rootless provider requires|UserNS: \w+ controller needs to be delegated/i);
    const e = engine(input);
    const missing = e?.rootless && e.cgroupControllers ? NEEDED.filter((c) => !e.cgroupControllers!.includes(c)) : [];
    if (lines.length === 0 && !(missing.length > 0 && clusterStepFailed(input))) return undefined;
    const v1 = lines.some((l) => /cgroup v2/i.test(l));
    const machine = input.evidence.machine?.data?.exists;
    return {
      confidence: conf(lines.length > 0 ? 0.95 : 0.6),
      explains: ['permission'],
      summary: v1
        ? 'kind refuses the rootless engine because the host runs cgroup v1; rootless kind needs cgroup v2.'
        : `kind refuses the rootless engine: the cgroup controllers ${missing.length > 0 ? missing.join(', ') : 'cpu, memory, pids'} are not delegated to the user (systemd Delegate=yes).`,
      evidence: [
        ...lines,
        ...(e
          ? [
              quote(
                'engine',
                `rootless: ${String(e.rootless)}; cgroup controllers: ${(e.cgroupControllers ?? []).join(', ') || 'none'}`,
              ),
            ]
          : []),
      ],
      actions: machine
        ? [
            'podman machine stop; podman machine set --rootful; podman machine start',
            `tarmac up   # then kind create cluster --name ${clusterName(input)} can run`,
          ]
        : [
            "mkdir -p /etc/systemd/system/user@.service.d && printf '[Service]\\nDelegate=yes\\n' > /etc/systemd/system/user@.service.d/delegate.conf && systemctl daemon-reload",
            'log out and in again (or reboot), then: cat /sys/fs/cgroup/user.slice/user-$(id -u).slice/user@$(id -u).service/cgroup.controllers',
          ],
    };
  },
};
