import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import type { AuditRules } from '../../analyzer/src/parsers/audit-rules.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'audit-rules');
const read = (f: string) => readFileSync(join(FIX, f), 'utf8');
const parse = (artifact: 'audit.rules' | 'audit.rules-files', t: string) => parseText<AuditRules>(artifact, t);

describe('audit-rules', () => {
  it('auditctl -l watches (hand-written from the seed list, field guide §2)', () => {
    const r = parse('audit.rules', read('auditctl-3.0-docker-watches-hand.txt'));
    expect(r.problems).toEqual([]);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.rules).toHaveLength(9);
    expect(r.value.rules[0]!.watch).toEqual({ path: '/var/lib/docker', perms: 'rwxa', key: 'docker' });
    expect(r.value.rules[8]!.watch).toEqual({ path: '/var/lib/docker', perms: 'wa', key: 'docker-data' });
    expect(r.value.rules[8]!.evidence.line).toBe(9);
  });
  it('real "No rules" (auditctl on this machine)', () => {
    const r = parse('audit.rules', read('auditctl-3.0-no-rules.txt'));
    expect(r.status === 'ok' && r.value).toEqual({ rules: [], none: true });
  });
  it("real Debian rules.d file: control lines kept, comments skipped", () => {
    const r = parse('audit.rules-files', read('debian-auditd-3.0-default-rules-d.txt'));
    expect(r.problems).toEqual([]);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.rules.map((x) => x.text)).toEqual(['-D', '-b 8192', '--backlog_wait_time 60000', '-f 1']);
    expect(r.value.rules.every((x) => !x.watch)).toBe(true);
  });
  it('rules.d: -w with trailing slash and -a … -F dir= -F perm= -k', () => {
    const r = parse('audit.rules-files', read('rules-d-openeuler-docker-hand.txt'));
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.rules.filter((x) => x.watch).map((x) => x.watch)).toEqual([
      { path: '/var/lib/docker/', perms: 'rwxa', key: 'docker' },
      { path: '/etc/docker/', perms: 'rwxa', key: 'docker' },
      { path: '/var/lib/docker', perms: 'rwxa', key: 'docker' },
    ]);
  });
  it('non-rule lines are problems', () => {
    const r = parse('audit.rules', 'garbage\n-w /x -p r\n');
    expect(r.problems.map((p) => p.line)).toEqual([1]);
    expect(r.status === 'ok' && r.value.rules[0]!.watch).toEqual({ path: '/x', perms: 'r' });
  });
});
