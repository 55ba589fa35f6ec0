const SHAPES = [
  /gh[pousr]_[A-Za-z0-9]{20,}/,
  // GitHub classic tokens (personal, OAuth, user-to-server, server, refresh)
  /github_pat_[A-Za-z0-9_]{22,}/,
  // GitHub fine-grained personal access tokens
  /gl(?:pat|dt|rt|ptt|cbt)-[A-Za-z0-9_-]{20,}/,
  // GitLab personal, deploy, runner, trigger and CI job tokens
  /xox[abposr]-[A-Za-z0-9-]{10,}/,
  // Slack bot, user and app tokens
  /(?:AKIA|ASIA)[0-9A-Z]{16}/,
  // AWS access key ids (long-term and temporary)
  /AIza[0-9A-Za-z_-]{35}/,
  // Google API keys
  /ya29\.[0-9A-Za-z_-]{20,}/,
  // Google OAuth access tokens
  /[sr]k_(?:live|test)_[0-9A-Za-z]{16,}/,
  // Stripe secret and restricted keys (publishable pk_ keys are public)
  /npm_[A-Za-z0-9]{36}/,
  // npm access tokens
  // OpenAI and Anthropic keys: `sk-`, optionally a kind (`proj-`, `ant-api03-`), then a long random part that
  // has both digits and capitals (so `sk-ingress-controller-manager` is not one).
  /sk-(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Z])[A-Za-z0-9_-]{20,}/,
  /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
  // JWTs: base64url header.payload.signature
  /SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/,
  // SendGrid API keys
  /dckr_pat_[A-Za-z0-9_-]{20,}/,
  // Docker Hub personal access tokens
  /pypi-AgE[A-Za-z0-9_-]{20,}/,
  // PyPI upload tokens
  /hv[sbr]\.[A-Za-z0-9_-]{24,}/,
  // HashiCorp Vault tokens
  /shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}/
  // Shopify access tokens
];
const TOKEN_SHAPES = new RegExp(
  `(?<![A-Za-z0-9_-])(?:${SHAPES.map((s) => s.source).join("|")})(?![A-Za-z0-9_-])`,
  "g"
);
export {
  TOKEN_SHAPES
};
//# sourceMappingURL=token-shapes.js.map
