function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(level, props, message) {
  const parts = [];
  if (props.file !== void 0) parts.push(`file=${escapeProperty(props.file)}`);
  if (props.line !== void 0) parts.push(`line=${props.line}`);
  if (props.title !== void 0) parts.push(`title=${escapeProperty(props.title)}`);
  return `::${level}${parts.length > 0 ? ` ${parts.join(",")}` : ""}::${escapeData(message)}`;
}
export {
  escapeData,
  escapeProperty,
  workflowCommand
};
//# sourceMappingURL=escape.js.map
