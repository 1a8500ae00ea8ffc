/** `docker-postmortem facts`: summary, --timeline and --json through the real CLI on real captures. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, tgzBuffer, writeTemp } from '../../spine/helpers.js';
import { buildModel, summaryLines, timelineLines } from '../../../analyzer/src/cli/commands/facts.js';

const ROOT = resolve(__dirname, '../../..');
const SAMPLE = resolve(ROOT, 'samples/sosreport-vm-debian12.tar.xz');
const NSPAWN = resolve(ROOT, 'test/fixtures/nspawn/power-off-plain');
const t = tempDir('dpm-facts-');
afterAll(() => t.cleanup());

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'analyzer/src/cli/main.ts'), 'facts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 90_000, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A collector-layout bundle holding the nspawn power-off capture (docs/bundle-format.md paths). */
async function powerOffBundle(): Promise<string> {
  const f = (n: string) => readFileSync(resolve(NSPAWN, n), 'utf8');
  return writeTemp(
    t.dir,
    'power-off.tgz',
    await tgzBuffer([
      { name: 'b/cmd/journal.json', content: f('journal.json') },
      { name: 'b/cmd/journalctl-list-boots.txt', content: f('list-boots.txt') },
      { name: 'b/cmd/journalctl-header.txt', content: f('header.txt') },
    ]),
  );
}

describe('facts command', { timeout: 180_000 }, () => {
  it('builds boots, lifecycle and timeline from a collector bundle (real nspawn power-off capture)', async () => {
    const m = await buildModel(await powerOffBundle());
    expect(m.boots.map((b) => [b.index, b.verdict])).toEqual([
      [-1, 'unclean'],
      [0, 'unknown'],
    ]);
    expect(m.journal.available).toBe(true);
    expect(m.lifecycle.some((l) => l.actor === 'dockerd' && l.kind === 'start' && l.bootIndex === 0)).toBe(true);
    const lines = timelineLines(m.timeline);
    expect(lines.length).toBe(m.timeline.length);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z  \w+ +.+  [\w.-]+:\d+$/);
    const text = summaryLines(m).join('\n');
    expect(text).toMatch(/boots \(2\):/);
    expect(text).toMatch(/-1 5744a6100920472d9e58d9b1b20abda3 .* unclean ends at /);
  });

  it('CLI: text summary, --timeline and --json on the real sosreport sample', () => {
    const s = cli(SAMPLE);
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/^collection: sosreport /);
    expect(s.out).toMatch(/boots \(1\):\n +0 0d95a1a210a942da91799d4721b25251 .* unknown current boot/);
    const tl = cli(SAMPLE, '--timeline');
    expect(tl.code).toBe(0);
    expect(tl.out).toMatch(/2026-11-28T07:31:33\.000Z  boot +boot 0 started .* journal\.boots:2/);
    const j = cli(SAMPLE, '--json');
    expect(j.code).toBe(0);
    const model = JSON.parse(j.out);
    expect(model.boots[0].bootId).toBe('0d95a1a210a942da91799d4721b25251');
    expect(Object.keys(model)).toEqual(expect.arrayContaining(['boots', 'journal', 'lifecycle', 'audit', 'timeline']));
  });

  it('exit 3 with one line for an unreadable input', () => {
    const bad = writeTemp(t.dir, 'not-a-bundle.tar.gz', 'hello\n');
    const r = cli(bad);
    expect(r.code).toBe(3);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
