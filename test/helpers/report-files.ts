/**
 * The report file of one format in an output folder. Report files are named
 * `docker-postmortem-<host>-<UTC>.<ext>` (reports/formats.ts), so a test finds the one it needs
 * instead of spelling a name; more than one match is an error (a folder holds one bundle's reports).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

type Ext = 'html' | 'json' | 'md' | 'txt';

/** `reportFile(out, 'json')`, or with the folder in parts as for join(): `reportFile(out, 'bundle', 'json')`. */
export function reportFile(...args: [string, ...string[], Ext] | [string, Ext]): string {
  const ext = args[args.length - 1] as Ext;
  const dir = join(...(args.slice(0, -1) as string[]));
  const names = readdirSync(dir).filter((n) => n.startsWith('docker-postmortem-') && n.endsWith(`.${ext}`));
  if (names.length !== 1) throw new Error(`${dir}: expected one docker-postmortem-*.${ext}, found ${names.length} (${readdirSync(dir).join(', ')})`);
  return join(dir, names[0]!);
}
