/**
 * A data-root shaped by a stranger (issue 12 class 7), built here without a daemon: container files linked to
 * /dev/zero, to a FIFO and to a planted secret, a container folder named `x -f y`, names holding a newline or a
 * TAB that try to forge a listing row. The run must end within --budget plus packing, write an archive, hold no
 * byte of any link target, and keep every name in one row. A second run proves --budget is a hard wall-clock limit
 * even when a read blocks in the shell itself (a --log-file that is a FIFO nobody writes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_TIMEOUT_MS, baseEnv, collect, items, removeTmpDirs, tmpDir, which, type Collected } from './helpers.js';

afterAll(removeTmpDirs);

const MARKER = 'DPM-PLANTED-SECRET-7f3c9a';
/** Packing the archive after the budget ran out: generous, the machine is shared. */
const PACK_SLACK_MS = 15_000;
const mkfifo = which('mkfifo');
const shells: [string, string[] | null][] = [
  ['dash', which('dash') ? [which('dash')!] : null],
  ['busybox sh', which('busybox') ? [which('busybox')!, 'sh'] : null],
];

/** The hostile data-root; returns the names that must appear (escaped) in json-health. */
function buildDataRoot(root: string, secret: string): { regular: string[] } {
  const c = path.join(root, 'containers');
  const dir = (name: string): string => {
    const d = path.join(c, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };
  fs.symlinkSync('/dev/zero', path.join(dir('a'.repeat(64)), 'config.v2.json'));
  const fifo = path.join(root, 'held.fifo');
  spawnSync(mkfifo!, [fifo]);
  fs.symlinkSync(fifo, path.join(dir('b'.repeat(64)), 'config.v2.json'));
  fs.symlinkSync(secret, path.join(dir('c'.repeat(64)), 'hostconfig.json'));
  // a FIFO where a regular file belongs, no link involved
  spawnSync(mkfifo!, [path.join(dir('d'.repeat(64)), 'hostconfig.json')]);
  const regular = ['x -f y', 'forge\nf\t644\t0\t0\t1\t1\tforged-row', 'tab\there'];
  for (const n of regular) fs.writeFileSync(path.join(dir(n), 'config.v2.json'), '{"ok":1}');
  fs.mkdirSync(path.join(root, 'devicemapper/metadata'), { recursive: true });
  fs.symlinkSync(secret, path.join(root, 'devicemapper/metadata/deviceset-metadata'));
  return { regular };
}

const escapeName = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

describe.each(shells)('a hostile data-root under %s', (name, shell) => {
  let root: string;
  let c: Collected;
  let regular: string[];
  const budget = 40;
  beforeAll(async () => {
    if (!shell || !mkfifo) return;
    const base = tmpDir('hostile');
    const secret = path.join(base, 'shadow');
    fs.writeFileSync(secret, `root:${MARKER}:19000:0:99999:7:::\n`);
    root = path.join(base, 'docker');
    ({ regular } = buildDataRoot(root, secret));
    c = await collect(['--output', tmpDir('hostile-out'), '--data-root', root, '--min-free', '0', '--timeout', '5', '--budget', String(budget)], { shell, env: baseEnv() });
  }, RUN_TIMEOUT_MS);

  const need = `(needs ${name} and mkfifo)`;

  it.skipIf(!shell || !mkfifo)(`ends within --budget and writes an archive ${need}`, () => {
    expect(c.run.code).toBe(0);
    expect(c.run.ms).toBeLessThan(budget * 1000 + PACK_SLACK_MS);
    expect(fs.existsSync(c.archive)).toBe(true);
  });

  it.skipIf(!shell || !mkfifo)(`holds no byte of a link target: no secret, no run of NULs from /dev/zero ${need}`, async () => {
    const raw = spawnSync('tar', ['-xzOf', c.archive], { maxBuffer: 256 * 1024 * 1024 }).stdout;
    expect(raw.includes(MARKER)).toBe(false);
    expect(raw.includes(Buffer.alloc(4096))).toBe(false);
    expect(items(c, 'devicemapper.deviceset-metadata')[0]!.skipReason).toBe('symlink (not followed)');
  });

  it.skipIf(!shell || !mkfifo)(`reads only the regular files, one escaped row each ${need}`, () => {
    const rows = c.file('cmd/dataroot-json-health.tsv')!.toString().split('\n').filter((l) => l && !l.startsWith('#'));
    const paths = rows.map((r) => r.split('\t')[0]!);
    // busybox find has no -printf: its stat fallback leaves a name with a newline out rather than split it
    const expected = regular.filter((n) => shell![0]!.includes('dash') || !n.includes('\n')).map((n) => `${root}/containers/${escapeName(n)}/config.v2.json`);
    expect(paths.sort()).toEqual(expected.sort());
    for (const r of rows) expect(r.split('\t').slice(1)).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/), 'ok', '7b', '7d']);
  });

  it.skipIf(!shell || !mkfifo)(`lets no name forge a listing row ${need}`, () => {
    const rows = c.file('cmd/dataroot-listing.tsv')!.toString().split('\n').filter((l) => l && !l.startsWith('#'));
    for (const r of rows) {
      const f = r.split('\t');
      expect(f.length, r).toBe(7);
      expect(f[6]!.startsWith(root), r).toBe(true);
    }
    expect(rows.some((r) => r.split('\t')[6]!.startsWith('forged-row'))).toBe(false);
    // the links are listed as links, never followed
    expect(rows.filter((r) => r.startsWith('l\t')).length).toBe(4);
  });
});

describe.skipIf(!mkfifo)('--budget is a hard wall-clock limit (needs mkfifo)', () => {
  it(
    'ends within the budget although a read blocks in the shell itself, archives what it has and marks the rest',
    async () => {
      const dir = tmpDir('budget-fifo');
      const fifo = path.join(dir, 'app.log');
      spawnSync(mkfifo!, [fifo]);
      const budget = 6;
      // --timeout far above the budget: only the budget can end the blocked read
      const c = await collect(['--output', tmpDir('budget-fifo-out'), '--min-free', '0', '--timeout', '300', '--budget', String(budget), '--log-file', fifo], { env: baseEnv() });
      expect(c.run.ms).toBeLessThan(budget * 1000 + PACK_SLACK_MS);
      const after = c.manifest.items.slice(c.manifest.items.findIndex((i) => i.source === fifo) + 1);
      expect(after.length).toBeGreaterThan(5);
      expect(after.every((i) => i.skipped && i.skipReason === 'budget exhausted')).toBe(true);
      expect(items(c, 'uname')[0]!.skipped).toBe(false);
      expect(c.run.stderr).toContain(`note: the --budget of ${budget}s ran out`);
    },
    RUN_TIMEOUT_MS,
  );
});
