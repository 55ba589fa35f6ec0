// A certificate outside its validity window: "x509: certificate has expired or is not yet valid", kubeadm's
// "the certificate is not valid yet", apt's "Release file ... is not valid yet". "Not yet valid" means the clock
// is behind; "expired or not yet valid" alone may be either a wrong clock or a truly expired certificate: then
// this stays below 50% and says so.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf } from './evidence-facts.js';
import { markerRe, outputMatching, outputTexts } from './infra-markers.js';

/** The clock is behind: the certificate's NotBefore is still in the future (Go adds "current time X is before Y"). */
const BEHIND = /not valid yet|is not yet valid(?! )|current time \S+ is before|invalid for another/i;
const BOTH = /expired or is not yet valid/i;
const AFTER = /current time \S+ is after/i;

/** Whether the text says a certificate is not valid yet (the clock is behind), not only "expired or not yet valid". */
export function clockBehind(text: string): boolean {
  return BEHIND.test(text.replace(BOTH, ''));
}

export const clockSkew: Rule = {
  id: 'clock-skew',
  title: 'A certificate is outside its validity window: a wrong clock (or an expired certificate)',
  refs: ['corpus: clock-skew'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, markerRe('clock'), 3);
    if (lines.length === 0) return undefined;
    const text = outputTexts(input, markerRe('clock'), 3).join('\n');
    const behind = clockBehind(text);
    const ambiguous = !behind && BOTH.test(text);
    return {
      // Go's `current time X is after Y` says the certificate expired by this clock: a truly expired certificate
      // (tls-untrusted, 45%) is the likelier reading, a clock ahead this one.
      confidence: conf(behind ? 0.85 : ambiguous && !AFTER.test(text) ? 0.45 : ambiguous ? 0.4 : 0.35),
      explains: ['clock', 'tls'],
      summary: behind
        ? 'A certificate is not valid yet for this machine: its clock is behind (a VM or node whose clock stopped syncing, e.g. after the host slept), or the certificate was issued by a machine whose clock is ahead.'
        : `A certificate is outside its validity window: ${ambiguous ? "either this machine's clock is wrong (a VM or node that stopped syncing after the host slept) or the certificate really expired" : 'it expired, unless the clock is wrong'}; compare the clock with the certificate's dates.`,
      evidence: lines,
      actions: [
        'date -u; timedatectl status   # on the host, and inside the podman machine / kind node',
        'podman machine ssh sudo systemctl restart chronyd   # a machine clock stuck after sleep',
        'openssl s_client -connect <host>:443 </dev/null | openssl x509 -noout -dates',
      ],
    };
  },
};
