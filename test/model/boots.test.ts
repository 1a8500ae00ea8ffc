import { describe, expect, it } from 'vitest';
import { fixture, modelFrom } from './log-model-helper.js';

// Field guide §5. The three-boots journal (real journalctl 252 output of make-three-boots.py):
// boot -2 ends with the v252 clean tail, boot -1 has a journald restart and then ends at an
// application line, boot 0 renames the corrupted journal and runs EXT4 recovery.
const JSON_ALL = { artifact: 'journal' as const, fixture: 'journal/journalctl-252-json-all-three-boots.txt' };
const SHORT = { artifact: 'journal' as const, fixture: 'journal/journalctl-252-short-three-boots.txt' };
const LIST = { artifact: 'journal.boots' as const, fixture: 'journal-boots/journalctl-252-three-boots.txt' };
const collectedAt = Date.UTC(2023, 10, 15, 3);

describe('boots: clean / unclean / unknown (field guide §5)', () => {
  for (const j of [JSON_ALL, SHORT]) {
    it(`${j.fixture}: -2 clean, -1 unclean with corroboration, 0 current`, () => {
      const m = modelFrom([j, LIST], { collectedAt });
      expect(m.boots.map((b) => [b.index, b.bootId, b.verdict])).toEqual([
        [-2, '8e1f2a3b4c5d4e6f8a9b0c1d2e3f4a5b', 'clean'],
        [-1, '43f6209bfc284a7d9ef1e1f24d7721c9', 'unclean'],
        [0, 'c0ffee00c0ffee00c0ffee00c0ffee00', 'unknown'],
      ]);
      const [clean, unclean, current] = m.boots;
      expect(clean!.evidence.map((e) => e.artifact)).toEqual(['journal.boots', 'journal']);
      expect(clean!.evidence[1]!.excerpt).toContain('Shutting down.');
      // the journald restart inside boot -1 (Journal stopped, then started) does not make it clean
      expect(unclean!.reason).toContain("ends at 'xxxxxxxx");
      expect(unclean!.reason).toContain('renamed a corrupted or uncleanly closed journal file');
      expect(unclean!.reason).toContain('filesystem journal recovery');
      expect(unclean!.evidence.some((e) => e.excerpt.includes('corrupted or uncleanly shut down'))).toBe(true);
      expect(current!.reason).toMatch(/current boot/);
      expect(clean!.firstEntry).toBe(Date.UTC(2023, 10, 15, 0, 13, 20));
    });
  }

  it('a head-truncated journal that does not reach the last entry gives unknown, not unclean', () => {
    // sos keeps the newest part: drop boot -2's tail by cutting the file before its shutdown lines
    const lines = fixture(SHORT.fixture!).split('\n');
    const cut = lines.findIndex((l) => l.includes('Stopping docker.service'));
    const m = modelFrom([{ artifact: 'journal', text: lines.slice(0, cut).join('\n') + '\n', truncated: true }, LIST], { collectedAt });
    expect(m.boots[0]!.verdict).toBe('unknown');
    expect(m.boots[0]!.reason).toMatch(/before its last entry/);
  });

  it('no journal data for a listed boot (volatile journal) gives unknown', () => {
    const lines = fixture(SHORT.fixture!).split('\n');
    const b3 = lines.findIndex((l) => l.startsWith('-- Boot c0ffee00'));
    const m = modelFrom([{ artifact: 'journal', text: lines.slice(b3).join('\n') }, LIST], { collectedAt });
    expect(m.boots.map((b) => b.verdict)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(m.boots[0]!.reason).toMatch(/no journal records for this boot/);
  });

  it('only unit-filtered records (sos docker plugin) give unknown', () => {
    const m = modelFrom([{ artifact: 'journal.docker', fixture: 'journal/journalctl-252-short-unit-docker.txt' }, LIST], { collectedAt });
    expect(m.boots[1]!.verdict).toBe('unknown');
    expect(m.boots[1]!.reason).toMatch(/unit-filtered/);
  });

  it('without --list-boots: boots from markers, counted back from the end (≤ v246 -- Reboot --; hand-written)', () => {
    const m = modelFrom([{ artifact: 'journal', fixture: 'journal/journalctl-219-short-reboot-markers-hand.txt' }], {
      collectedAt: Date.UTC(2016, 5, 25, 12),
      ctx: { hostUtcOffsetMinutes: 480 },
    });
    expect(m.boots.map((b) => [b.index, b.verdict])).toEqual([
      [-1, 'unclean'],
      [0, 'unknown'],
    ]);
    expect(m.boots[0]!.reason).toContain("ends at 'last line before the power cut'");
    expect(m.boots[0]!.reason).toContain('filesystem journal recovery'); // XFS (dm-0): Starting recovery
  });

  it('dockerd stopping in order at the end counts as clean', () => {
    const text = [
      'Nov 15 00:13:20 h kernel: Linux version 6.1.0',
      'Nov 15 00:20:00 h dockerd[5]: time="2023-11-15T00:20:00Z" level=info msg="Processing signal \'terminated\'"',
      'Nov 15 00:20:01 h dockerd[5]: time="2023-11-15T00:20:01Z" level=info msg="Daemon shutdown complete"',
      '-- Reboot --',
      'Nov 15 00:25:00 h kernel: Linux version 6.1.0',
    ].join('\n');
    const m = modelFrom([{ artifact: 'journal', text }], { collectedAt });
    expect(m.boots[0]!.verdict).toBe('clean');
    expect(m.boots[0]!.evidence).toHaveLength(2);
  });

  it('a dirty journal file of the boot (--header) corroborates', () => {
    const header = 'File path: /var/log/journal/m/system@000661502b932398-607fd803e6755f46.journal~\nBoot ID: 43f6209bfc284a7d9ef1e1f24d7721c9\nState: ONLINE\n';
    const m = modelFrom([SHORT, LIST, { artifact: 'journal.header', text: header }], { collectedAt });
    expect(m.boots[1]!.reason).toContain('was set aside as dirty');
  });

  it('no journal at all: no boots', () => {
    expect(modelFrom([]).boots).toEqual([]);
  });
});

describe('boots: a previous-boot file alone', () => {
  it("sos's --boot -1 file is boot -1, and its end is visible", () => {
    const lines = fixture('journal/journalctl-252-short-three-boots.txt').split('\n');
    const from = lines.findIndex((l) => l.startsWith('-- Boot 43f6209b'));
    const to = lines.findIndex((l) => l.startsWith('-- Boot c0ffee00'));
    const m = modelFrom([{ artifact: 'journal.previous-boot', text: lines.slice(from + 1, to).join('\n'), path: 'sos_commands/logs/journalctl_--no-pager_--boot_-1' }], { collectedAt: Date.UTC(2023, 10, 15, 3) });
    expect(m.boots.map((b) => [b.index, b.verdict])).toEqual([[-1, 'unclean']]);
  });
});

describe("boots: the collector's unit-matched journal (PID 1, journald, docker, kernel …)", () => {
  it('a filtered tail followed by a later boot in the same file is judged even if it stops short of LAST ENTRY', () => {
    // keep only PID 1, journald, kernel and docker lines: boot -1's last entry (an app line) is gone
    const lines = fixture('journal/journalctl-252-short-three-boots.txt').split('\n');
    const kept = lines.filter((l) => l.startsWith('-- ') || / (systemd\[1\]|systemd-journald\[\d+\]|kernel|dockerd\[\d+\]): /.test(l));
    const m = modelFrom([{ artifact: 'journal', text: kept.join('\n') }, LIST], { collectedAt });
    expect(m.boots.map((b) => b.verdict)).toEqual(['clean', 'unclean', 'unknown']);
    expect(m.boots[1]!.reason).toContain("ends at 'Journal started'");
  });
});
