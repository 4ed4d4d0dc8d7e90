// Parses the endpoint table of shared/reference/wire-protocol.md (§3, rows #1–#36).
export interface ReferenceEndpoint {
  readonly row: number;
  readonly method: string;
  /** The path without its query string, as written in the reference (parameter names included). */
  readonly path: string;
}

const rowPattern = /^\|\s*(\d+)\s*\|\s*(GET|POST|PUT|DELETE|PATCH)\s+`([^`]+)`/;

export function parseEndpointTable(markdown: string): ReferenceEndpoint[] {
  const rows: ReferenceEndpoint[] = [];
  for (const line of markdown.split("\n")) {
    const match = rowPattern.exec(line);
    if (!match) continue;
    const [, row, method, rawPath] = match as unknown as [string, string, string, string];
    rows.push({ row: Number(row), method, path: rawPath.split("?")[0]! });
  }
  return rows;
}

/** Parameter names differ between documents (`{run_id}` vs `{training_run_id}`); compare shapes only. */
export function normalizePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, "{}");
}
