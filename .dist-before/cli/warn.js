import { safeText } from "../ui/safe-text.js";
function warningLine(message, redact = (t) => t) {
  return `warning: ${safeText(redact(message))}
`;
}
function warnTo(stream, redact) {
  return (message) => void stream.write(warningLine(message, redact));
}
export {
  warnTo,
  warningLine
};
//# sourceMappingURL=warn.js.map
