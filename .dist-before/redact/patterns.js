import { TOKEN_SHAPES } from "./token-shapes.js";
const MASK = "***";
const SECRET_KEY_END = "password|passwd|passphrase|[_-]pwd|[_-]pass|secret|token|api[_-]?key|(?:access|secret|private|signing|encryption|master|client|account)[_-]?key|credentials?|auth|signature|sig";
const NOT_A_VALUE = String.raw`(?!(?:true|false|null|none|nil|yes|no|on|off|enabled|disabled|required|optional|\*+)(?![\w-])|<|\$\{|\{|\[)`;
const RULES = [
  // PEM private key bodies written on one line (a JSON "private_key" field with \n escapes).
  [
    /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)(.+?)(-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    `$1${MASK}$3`
  ],
  // scheme://user:password@ or scheme://token@ (a lowercase user name alone, like `git@`, is not a secret).
  [/([A-Za-z][A-Za-z0-9+.-]*:\/\/)(?![a-z_][a-z0-9_.-]{0,31}@)[^\s/@]+@/g, `$1${MASK}@`],
  // user:password@host without a scheme, at the start of a word; not `name:tag@sha256:...` nor `mailto:`.
  [/(^|[\s"'(=,])(?!mailto:)[^\s/@:"'(=,]+:[^\s/@"']+@(?!sha\d{3}:)(?=[^\s/@]+)/g, `$1${MASK}@`],
  // Authorization headers: everything after the scheme, up to a closing quote.
  [
    /\b((?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?)(?:(Bearer|Basic|Token|Digest|Negotiate|Bot|AWS4-HMAC-SHA256)[ \t]+)?[^"'\s][^"'\r\n]*/gi,
    (_m, head, scheme) => `${head}${scheme ? `${scheme} ` : ""}${MASK}`
  ],
  // A bare Bearer/Basic credential, but not a WWW-Authenticate challenge (`Bearer realm="..."`): its
  // parameters are key=value, while a token's `=` only pads its end.
  [/\b(Bearer|Basic)\s+(?![A-Za-z][\w-]*=[^=\s])(?!\*{3})[A-Za-z0-9._~+/=-]+/g, `$1 ${MASK}`],
  // A YAML-style `key: value` line: the value runs to the end of the line (`password: correct horse battery`).
  [
    new RegExp(
      String.raw`^([ \t]*(?:- )?[\w.-]*?(?:${SECRET_KEY_END})[ \t]*:[ \t]+)${NOT_A_VALUE}(?!["'])\S.*$`,
      "gim"
    ),
    `$1${MASK}`
  ],
  // key=value, key: value, "key": "value", key = 'value' (env lines, YAML, JSON, ini files, query strings, headers).
  [
    new RegExp(
      String.raw`((?<![\w.-])[\w.-]*?(?:${SECRET_KEY_END})["']?[ \t]*[:=][ \t]*)${NOT_A_VALUE}("[^"]*"|'[^']*'|[^\s&"',;]+)`,
      "gi"
    ),
    (_m, head, value) => `${head}${quoted(value)}`
  ],
  // The same keys URL-encoded inside another URL or a form (`token%3Dabc`, up to the next encoded `&`).
  [new RegExp(String.raw`((?:${SECRET_KEY_END})%3D)(?:%(?!26)|[^%&\s"'])+`, "gi"), `$1${MASK}`],
  // Command-line flags: `--password hunter2`, `--token abc` (not `--password-stdin`).
  [
    /(--(?:password|passwd|token|secret|api-key|client-secret|access-token|auth-token)[ \t]+)(?!-)[^\s"']+/gi,
    `$1${MASK}`
  ],
  // curl-style `-u user:password` (not `-u 1000:1000`, a uid:gid).
  [/((?:^|\s)(?:-u|--user)[ \t]+["']?[^\s:"']+:)(?!\d+(?:[\s"']|$))[^\s"']+/g, `$1${MASK}`],
  // Slack incoming webhooks carry their secret in the path.
  [/(hooks\.slack\.com\/services\/)[A-Za-z0-9/]+/g, `$1${MASK}`],
  // A PEM body line seen without its BEGIN line (an output tail that starts inside a key): a line that is only
  // 60-80 base64 characters mixing capitals, small letters and digits. A hex digest (no capitals) never matches.
  [
    /^(.*?[\s:\]>|])?(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[0-9])[A-Za-z0-9+/]{60,80}={0,2}[ \t]*$/gm,
    `$1${MASK}`
  ],
  // Well-known token shapes that appear without a key.
  [TOKEN_SHAPES, MASK]
];
function quoted(value) {
  const q = value[0] === '"' || value[0] === "'" ? value[0] : "";
  return `${q}${MASK}${q}`;
}
function redactSecrets(text) {
  return RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
export {
  MASK,
  redactSecrets
};
//# sourceMappingURL=patterns.js.map
