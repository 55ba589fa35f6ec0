import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { parseImageRef } from "./image-ref.js";
async function writeRefsFile(path, doc) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(doc, null, 2)}
`);
}
async function readRefsFile(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new TarmacError(
      "REFS_FILE_MISSING",
      `cannot read the refs file ${path}: ${error.code ?? error.message}`,
      {
        exitCode: ExitCode.usage,
        hint: "The build job writes it with `tarmac build --push --refs FILE`; hand it to this job (e.g. as a CI artifact).",
        cause: error
      }
    );
  }
  return parseRefsDocument(text, path);
}
function parseRefsDocument(text, path) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid(path, `not JSON (${error.message})`);
  }
  const doc = raw;
  if (typeof doc !== "object" || doc === null || typeof doc.images !== "object" || doc.images === null || Array.isArray(doc.images)) {
    throw invalid(path, "expected an object with `images: { <name>: <ref> }`");
  }
  for (const [name, ref] of Object.entries(doc.images)) {
    if (typeof ref !== "string") throw invalid(path, `images.${name} is not a string`);
    try {
      parseImageRef(ref);
    } catch (error) {
      throw invalid(path, `images.${name}: ${error.message}`);
    }
  }
  return {
    images: doc.images,
    env: String(doc.env ?? ""),
    runId: String(doc.runId ?? ""),
    registry: String(doc.registry ?? "")
  };
}
function refsForImages(doc, names, path) {
  const missing = names.filter((name) => doc.images[name] === void 0);
  if (missing.length > 0) {
    throw new TarmacError(
      "REFS_FILE_INCOMPLETE",
      `the refs file ${path} names no reference for ${missing.join(", ")}`,
      {
        exitCode: ExitCode.usage,
        details: [`it names: ${Object.keys(doc.images).join(", ") || "nothing"}`],
        hint: "Write it with `tarmac build --push --refs FILE` from the same tarmac.yaml (all its images: no --only)."
      }
    );
  }
  return new Map(names.map((name) => [name, doc.images[name]]));
}
function invalid(path, why) {
  return new TarmacError("REFS_FILE_INVALID", `the refs file ${path} is not usable: ${why}`, {
    exitCode: ExitCode.usage,
    hint: "Use the file `tarmac build --push --refs FILE` wrote, unchanged."
  });
}
export {
  parseRefsDocument,
  readRefsFile,
  refsForImages,
  writeRefsFile
};
//# sourceMappingURL=refs-file.js.map
