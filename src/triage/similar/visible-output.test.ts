import { describe, expect, it } from 'vitest';
import { nodeLogs, visibleLines } from './visible-output.js';

describe('visibleLines', () => {
  it('drops shell prompts and host journal lines of daemons tarmac never reads', () => {
    const output = [
      '$ kind create cluster',
      'root@host:~# docker pull busybox',
      'Oct 02 08:50:55 host-1 kernel: runc:[2:INIT] invoked oom-killer',
      'Oct 01 11:15:21 master kubelet[16173]: error: failed to run Kubelet',
      'ERROR: failed to create cluster',
    ].join('\n');
    expect(visibleLines(output)).toEqual(['ERROR: failed to create cluster']);
  });

  it("keeps the message of a journal line from a command tarmac runs itself (podman's own output)", () => {
    expect(visibleLines('Apr 09 10:21:46 <hostname> podman[41426]: Error: toomanyrequests: rate limit\n\n')).toEqual([
      'Error: toomanyrequests: rate limit',
    ]);
  });
});

describe('nodeLogs', () => {
  it("puts the journal lines of a kind node's daemons into the files `kind export logs` writes; host daemons stay out", () => {
    const kubelet = 'Feb 23 08:39:04 kind-control-plane kubelet[3031]: F0223 failed to run Kubelet';
    const systemd = 'Feb 23 08:39:04 kind-control-plane systemd[1]: kubelet.service: Failed with result';
    const output = [kubelet, systemd, 'Jul 29 07:15:10 localhost dockerd: panic: runtime error', 'plain line'].join(
      '\n',
    );
    expect(Object.fromEntries(nodeLogs(output))).toEqual({
      'kubelet.log': [kubelet],
      'journal.log': [kubelet, systemd],
    });
  });
});
