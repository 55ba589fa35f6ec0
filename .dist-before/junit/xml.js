import { XMLParser, XMLValidator } from "fast-xml-parser";
import { junitMalformed } from "./errors.js";
const REPEATED = /* @__PURE__ */ new Set([
  "testsuites",
  "testsuite",
  "testcase",
  "failure",
  "error",
  "skipped",
  "system-out",
  "system-err"
]);
const ROOTS = ["testsuites", "testsuite"];
function parseJUnitXml(xml, file) {
  const text = xml.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw junitMalformed(file, { line: 1, col: 1 }, "the file is empty", text);
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw junitMalformed(file, ...explainInvalid(text, verdict.err), text, verdict.err);
  let doc;
  try {
    doc = parser().parse(text);
  } catch (error) {
    throw junitMalformed(
      file,
      { line: 1, col: 1 },
      `not valid XML: ${error instanceof Error ? error.message : String(error)}`,
      text,
      error
    );
  }
  const elements = Object.keys(doc).filter((key) => !key.startsWith("?"));
  const rootTag = elements[0];
  const roots = rootTag === void 0 ? [] : asElements(doc[rootTag]);
  if (rootTag === void 0 || roots.length === 0)
    throw junitMalformed(file, { line: 1, col: 1 }, "no root element", text);
  if (elements.length > 1 || roots.length > 1) {
    const second = elements[1] ?? rootTag;
    throw junitMalformed(
      file,
      tagPosition(text, second, elements.length > 1 ? 0 : 1),
      "more than one root element",
      text
    );
  }
  if (!ROOTS.includes(rootTag)) {
    throw junitMalformed(
      file,
      tagPosition(text, rootTag, 0),
      `not JUnit XML: the root element is <${rootTag}>, expected <testsuites> or <testsuite>`,
      text
    );
  }
  return { tag: rootTag, root: roots[0] };
}
function children(element, tag) {
  return asElements(element[tag]);
}
function attr(element, name) {
  return element.$?.[name];
}
function textOf(element) {
  return element["#text"] ?? "";
}
function parser() {
  return new XMLParser({
    ignoreAttributes: false,
    attributesGroupName: "$",
    attributeNamePrefix: "",
    textNodeName: "#text",
    // Keep every value a string: a test named "1.10" must not become the number 1.1.
    parseTagValue: false,
    parseAttributeValue: false,
    alwaysCreateTextNode: true,
    // Why: without it numeric character references (&#10; in pytest's messages) stay undecoded.
    htmlEntities: true,
    isArray: (tag) => REPEATED.has(tag)
  });
}
function asElements(value) {
  if (Array.isArray(value))
    return value.map((v) => typeof v === "object" && v !== null ? v : { "#text": String(v) });
  if (value === void 0) return [];
  return [typeof value === "object" && value !== null ? value : { "#text": String(value) }];
}
function explainInvalid(text, err) {
  const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(err.msg);
  if (err.code === "InvalidXml" && unclosed) {
    const open = (unclosed[1] ?? "").split(",").map((t) => t.trim().replace(/^"|"$/g, "")).filter(Boolean);
    const last = open.at(-1) ?? "root";
    return [
      endOf(text),
      `the document ends before <${last}> is closed (unclosed: ${open.map((t) => `<${t}>`).join(" ")}); was the test command stopped while writing it?`
    ];
  }
  return [{ line: err.line, col: err.col ?? 1 }, `not well-formed XML: ${err.msg}`];
}
function endOf(text) {
  const lines = text.replace(/\s+$/, "").split(/\r\n|\r|\n/);
  return { line: lines.length, col: (lines.at(-1) ?? "").length + 1 };
}
function tagPosition(text, tag, index) {
  const re = new RegExp(`<${tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\s/>]`, "g");
  let match = null;
  for (let i = 0; i <= index; i++) match = re.exec(text);
  if (!match) return { line: 1, col: 1 };
  const before = text.slice(0, match.index).split(/\r\n|\r|\n/);
  return { line: before.length, col: (before.at(-1) ?? "").length + 1 };
}
export {
  attr,
  children,
  parseJUnitXml,
  textOf
};
//# sourceMappingURL=xml.js.map
