// Removes credentials from text before it reaches a message, a journal or a terminal.

/** What a secret is replaced with. */
export const MASK = '***';

// Each rule replaces only the secret part, keeping enough around it to stay readable.
const RULES: readonly [RegExp, string][] = [
  // scheme://anything@ : userinfo of a URL, with or without a password (tokens are often the user part).
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, `$1${MASK}@`],
  // user:password@host without a scheme, at the start of a word (not `name:tag@sha256:...` inside a path).
  [/(^|[\s"'(=,])[^\s/@:"'(=,]+:[^\s/@"']+@(?=[^\s/@]+)/g, `$1${MASK}@`],
  // Authorization header values, but not a WWW-Authenticate challenge (`Bearer realm="..."`): its
  // parameters are key=value, while a token's `=` only pads its end.
  [/\b(Bearer|Basic)\s+(?![A-Za-z][\w-]*=[^=\s])[A-Za-z0-9._~+/=-]+/g, `$1 ${MASK}`],
  // Secrets in query strings and key=value text.
  [
    /\b((?:access_|refresh_|identity|registry)?token|password|passwd|secret|auth|sig|signature)=[^\s&"']+/gi,
    `$1=${MASK}`,
  ],
  // Secrets as JSON fields (auth.json, token responses).
  [/("(?:(?:access_|refresh_|identity|registry)?token|password|auth|secret)"\s*:\s*)"[^"]*"/gi, `$1"${MASK}"`],
  // Well-known token shapes that appear without a key: GitHub, GitLab, Slack, AWS access keys, OpenAI-style keys.
  [
    /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|sk-[A-Za-z0-9_-]{20,})\b/g,
    MASK,
  ],
];

/** The text with every user:password@, token and Authorization value replaced by `***`. */
export function redactSecrets(text: string): string {
  return RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
