/**
 * Builds `docker ps -a --no-trunc` text the way the docker CLI lays it out: columns padded to the widest
 * cell plus three spaces, header first (field guide §3: fixed-width, slice at the header offsets).
 */
export interface PsRow {
  id: string;
  image: string;
  command: string;
  created: string;
  status: string;
  ports?: string;
  names: string;
}

export function dockerPsText(rows: PsRow[]): string {
  const head = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
  const cells = rows.map((r) => [r.id, r.image, r.command, r.created, r.status, r.ports ?? '', r.names]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]! + 3))).join('').trimEnd();
  return [line(head), ...cells.map(line)].join('\n') + '\n';
}
