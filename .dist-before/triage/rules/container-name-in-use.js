import { conf, engineCmd } from "./evidence-facts.js";
import { outputMatching } from "./infra-markers.js";
const IN_USE = /(?:container|pod) name "\/?([^"]+)" is already in use|name "\/?([^"]+)" is in use: (?:container|pod) already exists/i;
const containerNameInUse = {
  id: "container-name-in-use",
  title: "Another container already holds the name (a leftover or another process)",
  refs: ["corpus: env-held"],
  match(input) {
    const lines = outputMatching(input, IN_USE, 2);
    if (lines.length === 0) return void 0;
    const m = IN_USE.exec(lines.join("\n"));
    const name = m?.[1] ?? m?.[2];
    const cmd = engineCmd(input);
    return {
      confidence: conf(0.85),
      summary: `The name ${name ?? "(see the evidence)"} is already held by another container: a leftover of an earlier run (also one only in storage after a reboot) or another process using the same env.`,
      evidence: lines,
      actions: [
        `${cmd} ps -a --filter name=${name ?? "<name>"} --format '{{.ID}} {{.Names}} {{.Status}} {{.CreatedAt}}'`,
        `${cmd} rm -f ${name ?? "<name>"}${cmd === "podman" ? `   # or podman rm --storage ${name ?? "<name>"} for a storage-only leftover` : ""}`
      ]
    };
  }
};
export {
  containerNameInUse
};
//# sourceMappingURL=container-name-in-use.js.map
