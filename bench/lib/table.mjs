// Prints the bench's one table: a heading line per section, then rows of
// figure | value | spread | reference | ratio, in columns sized to fit.

const COLUMNS = ["Figure", "Value (median)", "Spread (min - max)", "Reference (same run)", "Ratio"];

export function renderTable(sections) {
  const rows = sections.flatMap((s) => s.rows.map((r) => ["  " + r.figure, r.value, r.spread ?? "", r.reference ?? "", r.ratio ?? ""]));
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("-+-");
  const out = [line(COLUMNS), rule];
  for (const section of sections) {
    out.push(`${section.title}`);
    for (const r of section.rows) out.push(line(["  " + r.figure, r.value, r.spread ?? "", r.reference ?? "", r.ratio ?? ""]));
  }
  return out.join("\n");
}
