/**
 * The line of the first `"urn": "…"` of each resource in a pretty-printed file (as
 * `pulumi stack export` and `pulumi preview --json` write them): a JSON export has one resource
 * per entry, and this is where it starts. A file on one line has every resource on line 1.
 */
export function urnLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const pattern = /"urn"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  let line = 1;
  let nextNewline = text.indexOf('\n');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    while (nextNewline !== -1 && nextNewline < m.index) {
      line++;
      nextNewline = text.indexOf('\n', nextNewline + 1);
    }
    let urn: string;
    try {
      urn = JSON.parse(`"${m[1]}"`) as string;
    } catch {
      continue;
    }
    if (!lines.has(urn)) lines.set(urn, line);
  }
  return lines;
}
