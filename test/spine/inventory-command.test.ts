/** `docker-postmortem inventory`: exit codes 0 / 2 / 3 and the limit options, through the real CLI. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { limitsFromOptions, parseSize } from '../../analyzer/src/cli/commands/inventory.js';
import { tempDir, tgzBuffer, writeTemp } from './helpers.js';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = resolve(ROOT, 'samples/sosreport-vm-debian12.tar.xz');
const t = tempDir();
afterAll(() => t.cleanup());

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'analyzer/src/cli/main.ts'), 'inventory', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}


describe('inventory command', { timeout: 120_000 }, () => {
  it('parses sizes and refuses malformed limits', () => {
    expect(parseSize('64k')).toBe(65536);
    expect(parseSize('2g')).toBe(2 * 1024 ** 3);
    expect(parseSize('1000')).toBe(1000);
    expect(parseSize('-1')).toBeUndefined();
    expect(parseSize('0')).toBeUndefined();
    expect(limitsFromOptions({ maxEntries: '10', maxLineLength: '1k' })).toEqual({ maxEntries: 10, maxLineLength: 1024 });
    expect(limitsFromOptions({ maxTotalBytes: 'lots' })).toMatch(/--max-total-bytes/);
  });

  it('exit 0 with the sosreport layout and artifacts', () => {
    const r = cli(SAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/layout: sosreport \(sos 4\.0\)/);
    expect(r.out).toMatch(/present +journal +\d+ +sos_commands\/logs\/journalctl_--no-pager/);
  });

  it('exit 0 and JSON; a limit shows up as a reader problem', async () => {
    const p = writeTemp(t.dir, 'b.tgz', await tgzBuffer([{ name: 'b/cmd/dmesg.txt', content: 'x'.repeat(5000) + '\n' }, { name: 'b/cmd/uname-a.txt', content: 'Linux\n' }]));
    const r = cli('--json', '--max-entry-bytes', '1k', p);
    expect(r.code).toBe(0);
    const inv = JSON.parse(r.out);
    expect(inv.problems.map((x: { kind: string }) => x.kind)).toContain('entry-too-large');
    expect(inv.artifacts.find((a: { artifact: string }) => a.artifact === 'dmesg')).toMatchObject({ state: 'truncated', bytes: 1024 });
  });

  it('exit 3 with one line for an unreadable input, exit 2 for a bad option', () => {
    const bad = writeTemp(t.dir, 'not-a-bundle.tar.gz', 'hello\n');
    const r = cli(bad);
    expect(r.code).toBe(3);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/cannot read .*not a bundle/);
    expect(cli('--max-entries', 'many', bad).code).toBe(2);
    expect(cli().code).toBe(2);
  });
}); // timeout: each case starts the CLI (tsx) in a child process

