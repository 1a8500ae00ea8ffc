import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import type { JournalHeaders } from '../../analyzer/src/parsers/journal-header.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'journal-header');
const parse = (text: string) => parseText<JournalHeaders>('journal.header', text);

describe('journal-header (real journalctl 252 --header)', () => {
  it('reads path, state, boot id and the exact head/tail realtime from the hex µs', () => {
    const r = parse(readFileSync(join(FIX, 'journalctl-252-offline.txt'), 'utf8'));
    expect(r.problems).toEqual([]);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.files).toHaveLength(1);
    const f = r.value.files[0]!;
    expect(f).toMatchObject({ path: 'remote.journal', state: 'OFFLINE', bootId: 'c0ffee00c0ffee00c0ffee00c0ffee00', dirty: false });
    // "(60a25c5458800)" = 1700007200000000 µs
    expect(f.head).toBe(0x60a25c5458800 / 1000);
    expect(f.head).toBe(Date.UTC(2023, 10, 15, 0, 13, 20));
    expect(f.stateEvidence?.line).toBe(6);
  });
  it('keeps one block per file', () => {
    const r = parse(readFileSync(join(FIX, 'journalctl-252-two-files.txt'), 'utf8'));
    expect(r.problems).toEqual([]);
    expect(r.status === 'ok' && r.value.files.map((f) => f.path)).toEqual(['remote.journal', 'roll.journal']);
  });
  it('accepts the old "File Path:" case and flags *.journal~ and ONLINE (field guide §3, §5)', () => {
    const r = parse('File Path: /var/log/journal/m/system@000661502b932398-607fd803e6755f46.journal~\nState: ONLINE\nBoot ID: 43f6209bfc284a7d9ef1e1f24d7721c9\n');
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.files[0]).toMatchObject({ dirty: true, state: 'ONLINE', bootId: '43f6209bfc284a7d9ef1e1f24d7721c9' });
  });
  it('lines before the first file are problems; no file at all is malformed', () => {
    const r = parse('State: ONLINE\n');
    expect(r.status).toBe('malformed');
    expect(r.problems[0]!.line).toBe(1);
  });
});
