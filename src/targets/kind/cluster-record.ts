// The record of the kind clusters tarmac created (<stateDir>/clusters.json), so `down` deletes only those.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TarmacError, ExitCode } from '../../errors/errors.js';
import { writePrivateFile } from './paths.js';

export interface ClusterRecord {
  name: string;
  /** The tarmac env (config `name`) that created it: `down` of one env leaves another env's clusters alone. */
  env: string;
  /** `creating` from just before `kind create` runs (so a crashed create's leftovers count as tarmac's), then `ready`. */
  state: 'creating' | 'ready';
  createdAt: string;
  runId: string;
  tarmacVersion: string;
  /** Node container ids once created; a cluster of that name with other ids was recreated by someone else. */
  nodeIds: string[];
}

interface RecordFile {
  clusters: ClusterRecord[];
}

/** Reads and updates `<stateDir>/clusters.json`; every write replaces the file atomically. */
export class ClusterRecords {
  readonly file: string;

  constructor(stateDir: string) {
    this.file = join(stateDir, 'clusters.json');
  }

  /** All recorded clusters; a missing file is an empty record. */
  async list(): Promise<ClusterRecord[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as Partial<RecordFile>;
      return Array.isArray(parsed.clusters) ? parsed.clusters.filter(isRecord) : [];
    } catch (cause) {
      throw new TarmacError('STATE_CORRUPT', `${this.file} is not valid JSON`, {
        exitCode: ExitCode.environment,
        cause,
        hint: `It records which kind clusters tarmac created. Delete it only after checking \`kind get clusters\`: without it, tarmac treats every cluster as foreign.`,
      });
    }
  }

  /** The record of one cluster, if tarmac created it. */
  async get(name: string): Promise<ClusterRecord | undefined> {
    return (await this.list()).find((record) => record.name === name);
  }

  /** Adds or replaces the record of `record.name`. */
  async put(record: ClusterRecord): Promise<void> {
    const others = (await this.list()).filter((r) => r.name !== record.name);
    await this.save([...others, record]);
  }

  /** Forgets a cluster (after it was deleted). */
  async remove(name: string): Promise<void> {
    const records = await this.list();
    if (!records.some((r) => r.name === name)) return;
    await this.save(records.filter((r) => r.name !== name));
  }

  private async save(clusters: ClusterRecord[]): Promise<void> {
    const sorted = [...clusters].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    await writePrivateFile(this.file, `${JSON.stringify({ clusters: sorted } satisfies RecordFile, null, 2)}\n`);
  }
}

/** Whether a recorded cluster is still the one tarmac created: same name and (once known) one of its node containers. */
export function stillOurs(record: ClusterRecord | undefined, nodeIds: readonly string[]): boolean {
  if (!record) return false;
  if (record.nodeIds.length === 0 || nodeIds.length === 0) return true;
  return nodeIds.some((id) => record.nodeIds.includes(id));
}

function isRecord(value: unknown): value is ClusterRecord {
  const r = value as Partial<ClusterRecord> | null;
  return typeof r?.name === 'string' && typeof r.env === 'string' && Array.isArray(r.nodeIds);
}
