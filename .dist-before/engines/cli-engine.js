import { InternalError } from "../errors/errors.js";
import { errorLine } from "./classify.js";
import { LABEL_MANAGED, LABEL_RUN, labelFilters, sorted } from "./labels.js";
import { withLabelledCopy } from "./label-instruction.js";
import { engineFailed } from "./engine-error.js";
import { hasLabels, isMissingImage, parseIdLines, parseImageInspect } from "./parse-images.js";
import { parseContainers } from "./parse-containers.js";
import { parseVersion } from "./parse-info.js";
import { engineToolEnv } from "./tool-env.js";
const DEFAULT_OP_TIMEOUT_MS = 6e4;
class CliEngine {
  constructor(options) {
    this.options = options;
    this.name = options.dialect.name;
    this.argvPrefix = [options.bin, ...options.globalArgs];
    this.endpoint = options.globalArgs.join(" ");
    this.env = options.env;
    this.opTimeoutMs = options.opTimeoutMs ?? DEFAULT_OP_TIMEOUT_MS;
  }
  options;
  name;
  /** The argv prefix of every call, e.g. ['podman', '--url', 'unix:///...']; only src/engines/ reads it (eslint). */
  argvPrefix;
  endpoint;
  env;
  opTimeoutMs;
  exec(args, options = {}) {
    const { hostLocal, ...run } = options;
    const argv = hostLocal ? [...args] : [...this.options.globalArgs, ...args];
    return this.options.runner(this.options.bin, argv, { ...run, env: { ...this.env, ...run.env } });
  }
  commandLine(args) {
    return [...this.argvPrefix, ...args].join(" ");
  }
  toolEnv(basePath) {
    return engineToolEnv(this.name, this.options.bin, this.options.globalArgs, this.env, basePath);
  }
  async info(signal) {
    const result = await this.must(["info", "--format", "json"], `Could not read ${this.name} info`, {
      signal,
      timeoutMs: this.opTimeoutMs
    });
    return this.options.dialect.parseInfo(result);
  }
  async health(timeoutMs, signal) {
    try {
      const result = await this.exec(["version", "--format", "json"], { timeoutMs, signal });
      const failed = (detail) => ({
        ok: false,
        detail,
        durationMs: result.durationMs,
        ...result.timedOut ? { timedOut: true } : {}
      });
      if (!result.ok) return failed(errorLine(result) ?? `${this.name} version exited ${String(result.exitCode)}`);
      const version = parseVersion(result);
      if (this.name === "docker" && version.server === void 0)
        return failed("the docker client answered, but no daemon did");
      const server = version.server !== void 0 && this.name === "podman" ? ` (server ${version.server})` : "";
      return {
        ok: true,
        detail: `${this.name} ${version.client ?? version.server ?? "?"}${server} answered in ${result.durationMs}ms`,
        durationMs: result.durationMs
      };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error), durationMs: 0 };
    }
  }
  build(request) {
    const labels = sorted({ [LABEL_MANAGED]: "true", ...request.labels });
    const inline = this.options.dialect.labelsInContainerfile && request.target === void 0;
    if (!inline) return this.buildWith(request, request.containerfile, labels);
    return withLabelledCopy(
      request.containerfile,
      labels,
      request.labels[LABEL_RUN],
      (copy) => this.buildWith(request, copy ?? request.containerfile, copy === void 0 ? labels : [])
    );
  }
  /** `build` with the given Containerfile and the labels still to pass as flags. */
  buildWith(request, containerfile, labelFlags) {
    const args = ["build", ...this.options.dialect.buildFlags, "-t", request.tag, "-f", containerfile];
    for (const [key, value] of labelFlags) args.push("--label", `${key}=${value}`);
    for (const [key, value] of sorted(request.args)) args.push("--build-arg", `${key}=${value}`);
    if (request.target !== void 0) args.push("--target", request.target);
    if (request.noCache) args.push("--no-cache");
    args.push(request.contextDir);
    const onLine = request.onLine;
    return this.exec(args, {
      signal: request.signal,
      timeoutMs: request.timeoutMs,
      stopDescendantsFirst: true,
      ...onLine ? { onLine: (line) => onLine(line) } : {}
    });
  }
  async imageExists(ref, signal) {
    const result = await this.exec(this.options.dialect.imageExistsArgs(ref), { signal, timeoutMs: this.opTimeoutMs });
    if (result.ok) return true;
    if (isMissingImage(result)) return false;
    throw engineFailed(this.name, result, `Could not check whether image ${ref} exists`);
  }
  async inspectImage(ref, signal) {
    const result = await this.exec(["image", "inspect", ref], { signal, timeoutMs: this.opTimeoutMs });
    if (!result.ok && isMissingImage(result)) return void 0;
    if (!result.ok) throw engineFailed(this.name, result, `Could not inspect image ${ref}`);
    return parseImageInspect(result)[0];
  }
  async tag(source, target, signal) {
    await this.must(
      ["tag", source, target],
      `Could not tag image ${source} as ${target}`,
      { signal, timeoutMs: this.opTimeoutMs },
      "Check that the source image exists."
    );
  }
  async save(ref, archivePath, signal) {
    await this.must(
      ["save", "-o", archivePath, ref],
      `Could not save image ${ref} to ${archivePath}`,
      { signal },
      "Check the disk space and that the image exists."
    );
  }
  async load(archivePath, signal) {
    await this.must(
      ["load", "-i", archivePath],
      `Could not load images from ${archivePath}`,
      { signal },
      "Check that the archive exists and is complete."
    );
  }
  async push(ref, options) {
    const auth = options.authFile === void 0 ? { args: [], env: {} } : this.options.dialect.authFileUse(options.authFile);
    const args = ["push", ...this.options.dialect.registryFlags(options.insecure), ...auth.args, ref];
    await this.must(
      args,
      `Could not push image ${ref}`,
      { signal: options.signal, env: { ...this.env, ...auth.env } },
      "Check that the registry is running and reachable."
    );
  }
  async pull(ref, options) {
    const auth = options.authFile === void 0 ? { args: [], env: {} } : this.options.dialect.authFileUse(options.authFile);
    const args = ["pull", ...this.options.dialect.registryFlags(options.insecure), ...auth.args, ref];
    await this.must(
      args,
      `Could not pull image ${ref}`,
      { signal: options.signal, env: { ...this.env, ...auth.env } },
      "Check that the registry is reachable and has the image.",
      { type: "image-pull", ref }
    );
  }
  async removeImage(ref, signal) {
    await this.must(
      ["image", "rm", ref],
      `Could not remove image ${ref}`,
      { signal, timeoutMs: this.opTimeoutMs },
      "A container may still use the image."
    );
  }
  async listContainers(labels, signal) {
    const args = ["ps", "-a", ...this.options.dialect.psFlags, ...labelFilters(labels), "--format", "json"];
    const result = await this.must(args, `Could not list ${this.name} containers`, {
      signal,
      timeoutMs: this.opTimeoutMs
    });
    return parseContainers(result).filter((container) => hasLabels(container.labels, labels));
  }
  async removeContainers(ids, signal) {
    if (ids.length === 0) return;
    await this.must(["rm", ...this.options.dialect.rmFlags, ...ids], `Could not remove ${ids.length} container(s)`, {
      signal,
      timeoutMs: this.opTimeoutMs
    });
  }
  async listImages(labels, signal) {
    const first = Object.entries(labels)[0];
    if (first === void 0) throw new InternalError("listImages() needs at least one label");
    const options = { signal, timeoutMs: this.opTimeoutMs };
    const filter = ["--filter", `label=${first[0]}=${first[1]}`];
    const listed = await this.must(
      ["images", "-q", "--no-trunc", ...filter],
      `Could not list ${this.name} images`,
      options
    );
    const ids = [...new Set(parseIdLines(listed.stdout))];
    if (ids.length === 0) return [];
    const inspected = await this.must(["image", "inspect", ...ids], `Could not inspect ${this.name} images`, options);
    return parseImageInspect(inspected).filter((image) => hasLabels(image.labels, labels));
  }
  async prune(labels, signal) {
    if (Object.keys(labels).length === 0)
      throw new InternalError("prune() needs at least one label: it would remove every dangling image");
    const listed = await this.must(
      ["images", "-q", "--no-trunc", "--filter", "dangling=true", ...labelFilters(labels)],
      `Could not list dangling ${this.name} images`,
      { signal, timeoutMs: this.opTimeoutMs }
    );
    const candidates = parseIdLines(listed.stdout);
    if (candidates.length === 0) return [];
    const inspected = await this.must(["image", "inspect", ...candidates], "Could not inspect dangling images", {
      signal,
      timeoutMs: this.opTimeoutMs
    });
    const ids = parseImageInspect(inspected).filter((image) => image.tags.length === 0 && hasLabels(image.labels, labels)).map((image) => image.id);
    if (ids.length === 0) return [];
    await this.must(["image", "rm", ...ids], `Could not remove ${ids.length} dangling image(s)`, {
      signal,
      timeoutMs: this.opTimeoutMs
    });
    return ids;
  }
  /** Runs and throws the classified TarmacError unless the command succeeded. */
  async must(args, message, options, hint, fact) {
    const result = await this.exec(args, options);
    if (!result.ok) throw engineFailed(this.name, result, message, hint, void 0, fact);
    return result;
  }
}
export {
  CliEngine
};
//# sourceMappingURL=cli-engine.js.map
