import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TarmacError, ExitCode } from "../../errors/errors.js";
import { writePrivateFile } from "./paths.js";
class ClusterRecords {
  file;
  constructor(stateDir) {
    this.file = join(stateDir, "clusters.json");
  }
  /** All recorded clusters; a missing file is an empty record. */
  async list() {
    let text;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return [];
      throw error;
    }
    try {
      const parsed = JSON.parse(text);
      return Array.isArray(parsed.clusters) ? parsed.clusters.filter(isRecord) : [];
    } catch (cause) {
      throw new TarmacError("STATE_CORRUPT", `${this.file} is not valid JSON`, {
        exitCode: ExitCode.environment,
        cause,
        hint: `It records which kind clusters tarmac created. Delete it only after checking \`kind get clusters\`: without it, tarmac treats every cluster as foreign.`
      });
    }
  }
  /** The record of one cluster, if tarmac created it. */
  async get(name) {
    return (await this.list()).find((record) => record.name === name);
  }
  /** Adds or replaces the record of `record.name`. */
  async put(record) {
    const others = (await this.list()).filter((r) => r.name !== record.name);
    await this.save([...others, record]);
  }
  /** Forgets a cluster (after it was deleted). */
  async remove(name) {
    const records = await this.list();
    if (!records.some((r) => r.name === name)) return;
    await this.save(records.filter((r) => r.name !== name));
  }
  async save(clusters) {
    const sorted = [...clusters].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    await writePrivateFile(this.file, `${JSON.stringify({ clusters: sorted }, null, 2)}
`);
  }
}
function stillOurs(record, nodeIds) {
  if (!record) return false;
  if (record.nodeIds.length === 0 || nodeIds.length === 0) return true;
  return nodeIds.some((id) => record.nodeIds.includes(id));
}
function isRecord(value) {
  const r = value;
  return typeof r?.name === "string" && typeof r.env === "string" && Array.isArray(r.nodeIds);
}
export {
  ClusterRecords,
  stillOurs
};
//# sourceMappingURL=cluster-record.js.map
