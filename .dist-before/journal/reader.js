import { readFileSync } from "node:fs";
import { JOURNAL_PROTOCOL_VERSION } from "../events/types.js";
import { lineSchema } from "./protocol.js";
import { eventsFile } from "./run-dir.js";
import { safeText } from "../ui/safe-text.js";
const warnOnStderr = (message) => void process.stderr.write(`warning: ${safeText(message)}
`);
function readJournal(runDir, warn = warnOnStderr) {
  const file = eventsFile(runDir);
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  const events = [];
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const parsed = parseLine(line);
    if ("event" in parsed) events.push(parsed.event);
    else if (!(index === lines.length - 1 && !parsed.json)) warn(`${file}:${index + 1}: ${parsed.why}; skipped`);
  }
  return events;
}
function parseLine(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return { why: "not valid JSON", json: false };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return {
      why: `not an event object (${value === null ? "null" : Array.isArray(value) ? "array" : typeof value})`,
      json: true
    };
  const v = value.v;
  if (v !== JOURNAL_PROTOCOL_VERSION)
    return {
      why: v === void 0 ? `no protocol version (written by a tarmac older than journal protocol v${JOURNAL_PROTOCOL_VERSION})` : `journal protocol v${String(v)}, this tarmac reads v${JOURNAL_PROTOCOL_VERSION}`,
      json: true
    };
  const result = lineSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const type = value.type;
    if (issue?.path.join(".") === "type") return { why: `unknown event type ${JSON.stringify(type)}`, json: true };
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    return {
      why: `not a valid ${typeof type === "string" ? type : "event"}${where}: ${issue?.message ?? "invalid"}`,
      json: true
    };
  }
  const { v: _version, ...event } = result.data;
  return { event };
}
export {
  parseLine,
  readJournal,
  warnOnStderr
};
//# sourceMappingURL=reader.js.map
