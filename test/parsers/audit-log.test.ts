import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import { auditFields, auditLogParser, type AuditLogParse } from '../../analyzer/src/parsers/audit-log.js';

// Hand-written from field guide §2 (audit watches) and §3 (audit.log format): auditd could not run
// in this sandbox ("Error sending add rule data request"), so no real capture exists.
const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'audit-log', 'auditd-3.0-docker-watch-hand.txt'), 'utf8');
const parse = (t: string) => parseText<AuditLogParse>('audit.log', t);

describe('audit-log', () => {
  const r = parse(text);
  if (r.status !== 'ok') throw new Error(r.status);
  const v = r.value;

  it('groups interleaved records into events by (node, time:serial)', () => {
    expect(r.problems).toEqual([]);
    expect(v.records).toBe(text.trim().split('\n').length);
    // serials 8090, 8097, 8098, 8099, 8100 (node euler01), 8101, 8102
    expect(v.totalEvents).toBe(7);
  });
  it('counts keys, including hex-encoded multi-keys joined by 0x01', () => {
    expect(v.keyCounts.docker!.count).toBe(4); // 8090 CONFIG_CHANGE, 8097, 8098, 8100
    expect(v.keyCounts['docker-data']!.count).toBe(1);
    expect(v.keyCounts.docker!.first).toBe(1517656400000);
    expect(v.keyCounts.docker!.last).toBe(1517656470120);
    expect(Object.keys(v.keyCounts)).not.toContain('(null)');
  });
  it('keeps docker events with exe, comm, pid, syscall, success and path nametypes', () => {
    const e = v.events.find((x) => x.serial === 8098)!;
    expect(e).toMatchObject({ time: 1517656451458, syscall: '87', success: false, exe: '/usr/bin/containerd', comm: 'containerd', pid: 1100, key: 'docker' });
    expect(e.paths).toEqual([
      { name: '/var/lib/docker/overlay2/', nametype: 'PARENT' },
      { name: '/var/lib/docker/overlay2/a b/link', nametype: 'DELETE' }, // hex-decoded
    ]);
    expect(e.types).toEqual(['SYSCALL', 'CWD', 'PATH', 'PATH', 'PROCTITLE']);
    expect(e.evidence).toMatchObject({ artifact: 'audit.log', line: 2, time: '2018-02-03T11:14:11.458Z' });
  });
  it('reads node= and the ENRICHED part after 0x1d (SYSCALL=openat)', () => {
    const e = v.events.find((x) => x.serial === 8100)!;
    expect(e).toMatchObject({ node: 'euler01', syscall: 'openat', key: 'docker,docker-data' });
    expect(e.paths).toEqual([{ name: '/var/lib/docker/network/files/local-kv.db', nametype: 'CREATE' }]);
  });
  it('drops events that are not about docker and keeps UNKNOWN[n] types', () => {
    expect(v.events.map((e) => e.serial)).toEqual([8090, 8097, 8098, 8100]);
    expect(v.types['UNKNOWN[1334]']).toBe(1);
  });
  it('treats sentinels as no value', () => {
    const f = auditFields('auid=4294967295 tty=(none) key=(null) exe="/x y"');
    expect(f.exe).toBe('/x y');
    const e = v.events.find((x) => x.serial === 8097)!;
    expect(e.key).toBe('docker');
    expect(e.exe).toBe('/usr/bin/dockerd');
  });
  it('garbage lines are problems with line numbers; no records is malformed', () => {
    const g = parse('hello\ntype=SYSCALL msg=audit(1.0:1): key="docker"\nalso bad\n');
    expect(g.problems.map((p) => p.line)).toEqual([1, 3]);
    expect(g.status).toBe('ok');
    expect(parse('nothing here\n').status).toBe('malformed');
  });
});

describe('audit-log: open events by serial, closed by the record window', () => {
  const run = (lines: readonly [number, string][]): AuditLogParse => {
    const sink = auditLogParser.create({ artifact: 'audit.log', path: 'var/log/audit/audit.log' });
    for (const [no, text] of lines) sink.push({ no, text });
    const r = sink.finish();
    if (r.status !== 'ok') throw new Error(r.status);
    return r.value!;
  };
  const filler = (no: number, serial: number): [number, string] => [no, `type=AVC msg=audit(1517656500.000:${serial}): apparmor="STATUS" operation="profile_replace" name="docker-default"`];
  const syscall = (node: string, stamp: string, serial: string, key: string) => `node=${node} type=SYSCALL msg=audit(${stamp}:${serial}): arch=c000003e syscall=257 success=yes exit=3 pid=1029 comm="dockerd" exe="/usr/bin/dockerd" key="${key}"`;
  const path = (node: string, stamp: string, serial: string) => `node=${node} type=PATH msg=audit(${stamp}:${serial}): item=0 name="/var/lib/docker/containers/x/config.v2.json" nametype=NORMAL`;

  it('keeps two nodes\u2019 events with the same serial apart, also after the first one closed', () => {
    // node a's event 5 has one record; node b's event 5 goes on after a's has left the window.
    const lines: [number, string][] = [
      [1, syscall('a', '1517656451.457', '5', 'docker')],
      [2, syscall('b', '1517656452.000', '5', 'docker')],
    ];
    for (let no = 3; no < 2600; no++) {
      if (no === 1500 || no === 2550) lines.push([no, path('b', '1517656452.000', '5')]);
      else lines.push(filler(no, 1000 + no));
    }
    const v = run(lines);
    const five = v.events.filter((e) => e.serial === 5).map((e) => ({ node: e.node, types: e.types }));
    expect(five).toEqual([
      { node: 'a', types: ['SYSCALL'] },
      { node: 'b', types: ['SYSCALL', 'PATH', 'PATH'] },
    ]);
    expect(v.totalEvents).toBe(2 + (2600 - 3 - 2));
  });

  it("shows the record that makes an event Docker's, at that record's line", () => {
    const avc = (serial: string) => `type=AVC msg=audit(1517656451.457:${serial}): avc:  denied  { write } for pid=1029 comm="dockerd" scontext=system_u:system_r:container_runtime_t:s0`;
    const cwd = (serial: string) => `type=CWD msg=audit(1517656451.457:${serial}): cwd="/"`;
    const v = run([
      [11, 'node=n ' + avc('9')],
      [12, syscall('n', '1517656451.457', '9', 'docker')],
      [20, 'node=n ' + cwd('10')],
      [21, path('n', '1517656451.457', '10')],
    ]);
    const nine = v.events.find((e) => e.serial === 9)!;
    expect(nine.evidence.line).toBe(12);
    expect(nine.evidence.excerpt).toBe(syscall('n', '1517656451.457', '9', 'docker'));
    const ten = v.events.find((e) => e.serial === 10)!;
    expect(ten.evidence.line).toBe(21);
    expect(ten.evidence.excerpt).toBe(path('n', '1517656451.457', '10'));
  });

  it('groups serials too long for a number by their text', () => {
    const a = '12345678901234567890';
    const b = '12345678901234567891'; // the same double as `a`
    const v = run([
      [1, syscall('n', '1517656451.457', a, 'docker')],
      [2, path('n', '1517656451.457', a)],
      [3, syscall('n', '1517656451.457', b, 'docker')],
    ]);
    expect(v.totalEvents).toBe(2);
    expect(v.events.map((e) => e.types.length).sort()).toEqual([1, 2]);
  });

  it('reuses a closed event for the next without carrying anything over, and leaves a shown event as it was shown', () => {
    // Event 1 (Docker's: a key, an exe, a path) closes once 2,000 lines pass; the fillers' events then take
    // its place. A filler that kept its key or path would count as Docker's; a shown event that shared its
    // types with the next would end as ['AVC'].
    const lines: [number, string][] = [
      [1, syscall('a', '1517656451.457', '1', 'docker')],
      [2, path('a', '1517656451.457', '1')],
    ];
    for (let no = 3; no < 2700; no++) lines.push(filler(no, 1000 + no));
    lines.push([2700, `type=SYSCALL msg=audit(1517656600.000:9999): arch=c000003e syscall=2 success=no exit=-2 pid=7 comm="cat" exe="/usr/bin/cat" key="other"`]);
    lines.push([2701, `type=SYSCALL msg=audit(1517656600.000:5000): arch=c000003e syscall=257 success=yes exit=3 pid=8 comm="runc" exe="/usr/bin/runc" key="docker"`]);
    const v = run(lines);
    expect(v.totalEvents).toBe(1 + (2700 - 3) + 2);
    expect(v.dockerEvents).toBe(2);
    expect(v.keyCounts).toEqual({
      docker: { count: 2, first: 1517656451457, last: 1517656600000 },
      other: { count: 1, first: 1517656600000, last: 1517656600000 },
    });
    const [first, second] = v.events;
    expect(first).toMatchObject({ serial: 1, node: 'a', types: ['SYSCALL', 'PATH'], exe: '/usr/bin/dockerd', comm: 'dockerd', pid: 1029, success: true });
    expect(first!.paths).toEqual([{ name: '/var/lib/docker/containers/x/config.v2.json', nametype: 'NORMAL' }]);
    expect(second).toMatchObject({ serial: 5000, types: ['SYSCALL'], paths: [], exe: '/usr/bin/runc', comm: 'runc', pid: 8 });
    expect(second!.node).toBeUndefined();
    expect(second!.evidence.line).toBe(2701);
  });

  it('closes events by record count, whatever the line numbers (forwarded records on odd lines only)', () => {
    // Event 7 again after 2,500 records and 5,000 lines: outside the window, so a second event.
    const lines: [number, string][] = [[1, syscall('n', '1517656451.457', '7', 'docker')]];
    for (let i = 0; i < 2500; i++) lines.push(filler(3 + 2 * i, 2000 + i));
    lines.push([3 + 2 * 2500, syscall('n', '1517656451.457', '7', 'docker')]);
    const v = run(lines);
    expect(v.totalEvents).toBe(2 + 2500);
    expect(v.events.filter((e) => e.serial === 7)).toHaveLength(2);
  });
});
