// Another container holds the name the env wants (the engines' name-conflict errors, IN_USE below). A leftover
// from an earlier run or another process using the same name.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, engineCmd } from './evidence-facts.js';
import { outputMatching } from './infra-markers.js';

/**
 * The engines' name-conflict errors: podman's `container name "X" is already in use` and `name "X" is in use:
 * container already exists`, docker's `Conflict. The container name "/X" is already in use by container "ID"` and its
 * older form `Conflict, The name X is already assigned to ID`.
 */
const IN_USE =
  /(?:container|pod) name "\/?([^"]+)" is already in use|name "\/?([^"]+)" is in use: (?:container|pod) already exists|Conflict[.,] The (?:container )?name "?\/?([^"\s]+)"? (?:is already in use|is already assigned to)/i;

export const containerNameInUse: Rule = {
  id: 'container-name-in-use',
  title: 'Another container already holds the name (a leftover or another process)',
  refs: ['corpus: env-held'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, IN_USE, 2);
    if (lines.length === 0) return undefined;
    const m = IN_USE.exec(lines.join('\n'));
    const name = m?.[1] ?? m?.[2] ?? m?.[3];
    const cmd = engineCmd(input);
    return {
      confidence: conf(0.85),
      summary: `The name ${name ?? '(see the evidence)'} is already held by another container: a leftover of an earlier run (also one only in storage after a reboot) or another process using the same env.`,
      evidence: lines,
      actions: [
        `${cmd} ps -a --filter name=${name ?? '<name>'} --format '{{.ID}} {{.Names}} {{.Status}} {{.CreatedAt}}'`,
        `${cmd} rm -f ${name ?? '<name>'}${cmd === 'podman' ? `   # or podman rm --storage ${name ?? '<name>'} for a storage-only leftover` : ''}`,
      ],
    };
  },
};
