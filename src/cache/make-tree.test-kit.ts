// Test support: writes a small file tree into a directory from an inline description.
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file's text, or a file with a mode, a symlink, or an (empty) directory. */
export type TreeNode = string | { content: string; mode: number } | { symlink: string } | { dir: true };

/** Creates every `relative/path: node` of `tree` under `root` (parents included). */
export async function makeTree(root: string, tree: Record<string, TreeNode>): Promise<void> {
  for (const [rel, node] of Object.entries(tree)) {
    const abs = path.join(root, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    if (typeof node === 'string') await writeFile(abs, node);
    else if ('symlink' in node) await symlink(node.symlink, abs);
    else if ('dir' in node) await mkdir(abs, { recursive: true });
    else {
      await writeFile(abs, node.content);
      // chmod after writing: writeFile's mode is filtered by the umask.
      await chmod(abs, node.mode);
    }
  }
}
