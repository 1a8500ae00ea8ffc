import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../helpers/rule-tester.js';

// journalctl -o json records as the collector's journal.boot-tails item writes them (one boot per file).
const rec = (boot: string, usec: number, ident: string, pid: number, msg: string) =>
  JSON.stringify({ __REALTIME_TIMESTAMP: String(usec), _BOOT_ID: boot, SYSLOG_IDENTIFIER: ident, _PID: String(pid), MESSAGE: msg, PRIORITY: '6' });

const B1 = '43f6209bfc284a7d9ef1e1f24d7721c9';
const B0 = '8e1f2a3b4c5d4e6f8a9b0c1d2e3f4a5b';
const T = 1_764_000_000_000_000; // µs
// --list-boots, v251+ table (field guide §3), UTC.
const listBoots = [
  'IDX BOOT ID                          FIRST ENTRY                 LAST ENTRY',
  ` -1 ${B1} Mon 2025-11-24 16:00:00 UTC Mon 2025-11-24 16:00:30 UTC`,
  `  0 ${B0} Mon 2025-11-24 16:05:00 UTC Mon 2025-11-24 16:06:00 UTC`,
].join('\n') + '\n';

describe('boot verdicts from the unfiltered boot tails (journal.boot-tails)', () => {
  it('a tail that ends with an orderly shutdown is clean', async () => {
    const tail = [
      rec(B1, T, 'app', 500, 'request served'),
      rec(B1, T + 20_000_000, 'systemd', 1, 'Reached target shutdown.target - System Shutdown.'),
      rec(B1, T + 30_000_000, 'systemd-journald', 17, 'Journal stopped'),
    ].join('\n');
    const r = await analyzeCase([], { name: 'clean', artifacts: { 'journal.boots': listBoots, 'journal.boot-tails': [{ path: `cmd/journal-boot-tails/${B1}.json`, text: tail + '\n' }] } });
    const boot = r.model.boots.find((b) => b.index === -1)!;
    expect(boot.verdict).toBe('clean');
    expect(boot.evidence.some((e) => e.artifact === 'journal.boot-tails' && e.line === 2)).toBe(true);
  });

  it('a tail that just stops at an application line, reaching the boot’s last entry, is unclean', async () => {
    const tail = [rec(B1, T, 'systemd', 1, 'Started docker.service - Docker Application Container Engine.'), rec(B1, T + 30_000_000, 'app', 500, 'request served')].join('\n');
    const r = await analyzeCase([], { name: 'unclean', artifacts: { 'journal.boots': listBoots, 'journal.boot-tails': [{ path: `cmd/journal-boot-tails/${B1}.json`, text: tail + '\n' }] } });
    const boot = r.model.boots.find((b) => b.index === -1)!;
    expect(boot.verdict).toBe('unclean');
    expect(boot.reason).toContain('request served');
  });
});
