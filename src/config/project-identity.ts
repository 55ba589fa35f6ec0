// The project's identity: which checkout an env belongs to. Two checkouts of a project may use the same env
// name; their resources are told apart by this id (labels), never by the name alone.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ProjectIdentity {
  /** The first 12 hex digits of the sha256 of `path`. */
  id: string;
  /** The real path of the config file (symlinks resolved), so two paths to one checkout are one project. */
  path: string;
}

/** The identity of the project whose config file is `configFile`. */
export function projectIdentity(configFile: string): ProjectIdentity {
  const path = realPath(configFile);
  return { id: createHash('sha256').update(path).digest('hex').slice(0, 12), path };
}

// A config file that does not exist (yet) still has an identity: its absolute path.
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** One env of one project: the labels of its resources name both. */
export interface EnvIdentity {
  /** The env name (config `name`). */
  env: string;
  /** The project id (see projectIdentity). */
  project: string;
  /** The real path of the project's config file, to name the checkout in messages. */
  projectPath: string;
}

/** The identity of the env a config declares. */
export function envIdentity(env: { name: string; file: string }): EnvIdentity {
  const project = projectIdentity(env.file);
  return { env: env.name, project: project.id, projectPath: project.path };
}
