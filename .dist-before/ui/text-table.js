import { safeText } from "./safe-text.js";
function tableLines(rawHeader, rawRows, options = {}) {
  const header = rawHeader.map(safeText);
  const rows = rawRows.map((row) => row.map(safeText));
  const widths = header.map(
    (h, i) => Math.max(options.minWidths?.[i] ?? 0, h.length, ...rows.map((r) => (r[i] ?? "").length))
  );
  const pad = (cells, style) => cells.map((c, i) => style(i === cells.length - 1 ? c : c.padEnd(widths[i]), i)).join("  ").trimEnd();
  const head = pad(header, (padded) => padded);
  return [
    options.header ? options.header(head) : head,
    ...rows.map((row, r) => pad(row, (padded, column) => options.cell?.(padded, r, column) ?? padded))
  ];
}
function table(header, rows, options) {
  return tableLines(header, rows, options).join("\n");
}
export {
  table,
  tableLines
};
//# sourceMappingURL=text-table.js.map
