import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { TarmacError, ExitCode } from "../../errors/errors.js";
function statePaths(stateDir) {
  return { file: join(stateDir, "podman-target.json"), playDir: join(stateDir, "podman-target") };
}
class StateStore {
  constructor(file, env) {
    this.file = file;
    this.env = env;
  }
  file;
  env;
  queue = Promise.resolve();
  /** The recorded state; an empty one when there is no file. */
  async read() {
    let text;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return this.empty();
      throw new TarmacError("TARGET_STATE_UNREADABLE", `could not read ${this.file}`, {
        cause: error,
        exitCode: ExitCode.environment
      });
    }
    try {
      const state = JSON.parse(text);
      if (state.version !== 1 || state.env !== this.env)
        throw new Error(`unexpected version or env (${String(state.version)}, ${String(state.env)})`);
      return { ...this.empty(), ...state };
    } catch (error) {
      throw new TarmacError(
        "TARGET_STATE_UNREADABLE",
        `${this.file} is not a podman target state file of env ${this.env}`,
        {
          cause: error,
          exitCode: ExitCode.environment,
          hint: `Remove what the env created by its labels (podman pod rm -f $(podman pod ps -q --filter label=io.tarmac.env=${this.env})), then delete ${this.file}.`
        }
      );
    }
  }
  /** Applies `change` to the state and writes it atomically; calls are serialised. */
  update(change) {
    const next = this.queue.then(async () => {
      const state = await this.read();
      change(state);
      await mkdir(dirname(this.file), { recursive: true });
      const partial = `${this.file}.${process.pid}.partial`;
      await writeFile(partial, `${JSON.stringify(state, null, 2)}
`);
      await rename(partial, this.file);
      return state;
    });
    this.queue = next.catch(() => void 0);
    return next;
  }
  /** Deletes the state file (after down). */
  async remove() {
    await rm(this.file, { force: true });
  }
  empty() {
    return { version: 1, env: this.env, pods: {}, services: {}, volumes: [] };
  }
}
export {
  StateStore,
  statePaths
};
//# sourceMappingURL=state.js.map
