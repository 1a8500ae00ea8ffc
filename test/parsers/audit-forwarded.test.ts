/**
 * Audit records forwarded into the system logs (parsers/audit-forwarded.ts). The lines of the first
 * block are verbatim from public threads; expected values are read off those lines.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineSplitter } from '../../analyzer/src/spine/line-splitter.js';
import { forwardedRecord, withForwardedAudit, type WithForwardedAudit } from '../../analyzer/src/parsers/audit-forwarded.js';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import { journalParser, type JournalParse } from '../../analyzer/src/parsers/journal.js';
import { auditLogParser, type AuditLogParse } from '../../analyzer/src/parsers/audit-log.js';
import type { ParseContext } from '../../analyzer/src/spine/types.js';

// konstruktoid/ansible-role-hardening#357 (audispd syslog plugin, Ubuntu 22.04).
const AUDISPD = [
  'Jul 31 17:22:58 ams audispd: node=ams type=EXECVE msg=audit(1690824178.815:11733971): argc=2 a0="runc" a1="init"',
  'Jul 31 17:22:58 ams audispd: node=ams type=CWD msg=audit(1690824178.815:11733971): cwd="/var/lib/docker/overlay2/a285460d693acb62dc666fd651213ad799bc46b5bd029d743c46068adad80e6a/merged"',
  'Jul 31 17:22:58 ams audispd: node=ams type=PROCTITLE msg=audit(1690824178.815:11733971): proctitle=72756E6300696E6974',
];
// kubernetes-sigs/security-profiles-operator#780 (busybox syslogd: facility.severity before the program).
const BUSYBOX_KERNEL =
  'Jan 11 09:11:48 syslogd-sf2dl kern.notice kernel: [ 1033.124778] audit: type=1326 audit(1641892308.345:622): auid=4294967295 uid=0 gid=0 ses=4294967295 pid=15085 comm="sh" exe="/bin/busybox" sig=0 arch=c00000b7 syscall=135 compat=0 ip=0xffff87e01ef0 code=0x7ffc0000';
// moby/moby#19284 (Ubuntu syslog, kernel printk with no auditd).
const KERNEL_AVC =
  'Jan 13 02:44:04 PL-KRA-MOB-109L kernel: [ 1761.149377] audit: type=1400 audit(1452649444.219:6421): apparmor="DENIED" operation="ptrace" profile="docker-default" pid=3984 comm="oracle" requested_mask="trace" denied_mask="trace" peer="docker-default"';

describe('forwardedRecord: one log line → its audit.log record', () => {
  it('audispd: the record from node= on', () => {
    expect(forwardedRecord(AUDISPD[0]!)).toBe('node=ams type=EXECVE msg=audit(1690824178.815:11733971): argc=2 a0="runc" a1="init"');
  });

  it('kernel printk: numeric type named, msg= added (also behind busybox kern.notice)', () => {
    expect(forwardedRecord(KERNEL_AVC)).toBe(
      'type=AVC msg=audit(1452649444.219:6421): apparmor="DENIED" operation="ptrace" profile="docker-default" pid=3984 comm="oracle" requested_mask="trace" denied_mask="trace" peer="docker-default"',
    );
    expect(forwardedRecord(BUSYBOX_KERNEL)?.startsWith('type=SECCOMP msg=audit(1641892308.345:622): auid=4294967295 ')).toBe(true);
  });

  it("journald's audit transport: serial and time from the fields", () => {
    const line = JSON.stringify({
      _TRANSPORT: 'audit',
      _AUDIT_TYPE_NAME: 'SYSCALL',
      _AUDIT_ID: '8097',
      _SOURCE_REALTIME_TIMESTAMP: '1517656451457000',
      MESSAGE: 'SYSCALL arch=c000003e syscall=257 success=yes exit=3 comm="dockerd" key="docker"',
    });
    expect(forwardedRecord(line)).toBe('type=SYSCALL msg=audit(1517656451.457:8097): arch=c000003e syscall=257 success=yes exit=3 comm="dockerd" key="docker"');
  });

  it('journal JSON of a kernel printk record: read from MESSAGE', () => {
    const line = JSON.stringify({ _TRANSPORT: 'kernel', SYSLOG_IDENTIFIER: 'kernel', MESSAGE: KERNEL_AVC.slice(KERNEL_AVC.indexOf('audit: ')) });
    expect(forwardedRecord(line)).toBe(forwardedRecord(KERNEL_AVC));
    expect(forwardedRecord(line)?.startsWith('type=AVC msg=audit(1452649444.219:6421): ')).toBe(true);
  });

  it('ordinary log lines and mentions of audit are not records', () => {
    expect(forwardedRecord('Jul 31 17:22:58 ams dockerd[811]: time="2023-07-31T17:22:58Z" level=info msg="audit(1) not a record"')).toBeUndefined();
    expect(forwardedRecord('Jul 31 17:22:58 ams systemd[1]: Started Security Auditing Service.')).toBeUndefined();
    expect(forwardedRecord('{"MESSAGE":"Started Docker Application Container Engine.","_PID":"1"}')).toBeUndefined();
  });
});

describe('syslog parse gains auditForwarded', () => {
  const parse = (text: string) => {
    const r = parseText('syslog', text, { path: 'files/var/log/syslog', collectedAt: Date.UTC(2023, 7, 1) });
    expect(r.status).toBe('ok');
    return (r as { value: JournalParse & WithForwardedAudit }).value;
  };

  it('three records of one serial are one event; the log lines still parse as log records', () => {
    const v = parse(AUDISPD.join('\n') + '\n' + KERNEL_AVC + '\n');
    expect(v.records).toBe(4);
    expect(v.auditForwarded?.records).toBe(4);
    // serial 11733971 (three records) and serial 6421: two events.
    expect(v.auditForwarded?.totalEvents).toBe(2);
    expect(v.auditForwarded?.types).toEqual({ EXECVE: 1, CWD: 1, PROCTITLE: 1, AVC: 1 });
  });

  it('lines pushed with their bytes (as the reader does) give the same parse; a log sink without pushBytes gets push', () => {
    const ctx: ParseContext = { artifact: 'syslog', path: 'files/var/log/syslog', collectedAt: Date.UTC(2023, 7, 1) };
    const text = [...AUDISPD, KERNEL_AVC, 'Jul 31 17:22:59 ams dockerd[811]: time="2023-07-31T17:22:59Z" level=error msg="café ✓"'].join('\n') + '\n';
    const viaText = withForwardedAudit(journalParser).create(ctx);
    const viaBytes = withForwardedAudit(journalParser).create(ctx);
    let no = 0;
    const split = new LineSplitter(1 << 16, (t, cut, bytes, start, end) => {
      no++;
      viaText.push({ no, text: t });
      viaBytes.pushBytes!({ no, text: t }, bytes, start, end);
    });
    split.write(Buffer.from(text));
    split.end();
    const bytesResult = viaBytes.finish();
    expect(bytesResult).toEqual(viaText.finish());
    expect((bytesResult as { value: WithForwardedAudit }).value.auditForwarded?.totalEvents).toBe(2);

    const pushed: string[] = [];
    const plain = withForwardedAudit<{ lines: number }>({ name: 'plain', artifacts: ['syslog'], create: () => ({ push: (l) => void pushed.push(l.text), finish: () => ({ status: 'ok', value: { lines: pushed.length }, problems: [] }) }) }).create(ctx);
    plain.pushBytes!({ no: 1, text: AUDISPD[0]! }, Buffer.from(AUDISPD[0]!), 0, Buffer.byteLength(AUDISPD[0]!));
    expect(pushed).toEqual([AUDISPD[0]]);
    expect((plain.finish() as { value: WithForwardedAudit }).value.auditForwarded?.records).toBe(1);
  });

  it('a log without audit records has no auditForwarded', () => {
    expect(parse('Jul 31 17:22:58 ams systemd[1]: Started Docker Application Container Engine.\n').auditForwarded).toBeUndefined();
  });
});

describe('kernel printk records reach the audit sink by their parts', () => {
  // The real kernel records of a lab run (samples/lab-netns-container-id-exists, `dmesg`), the public
  // ones above, and two built on the lab's SYSCALL record: one with a docker key, one whose body passes
  // the audit.log parser's 8,192-character cut.
  const dmesg = readFileSync(join(import.meta.dirname, '..', '..', 'samples', 'lab-netns-container-id-exists', 'cmd', 'dmesg.txt'), 'utf8');
  const labKernel = dmesg.split('\n').filter((l) => l.includes('audit: type='));
  const labSyscall = labKernel.find((l) => l.includes('audit: type=1300'))!;
  const dockerSyscall = labSyscall.replace(/ key=\S+$/, '') + ' key="docker"';
  const longSyscall = dockerSyscall.replace('audit(1795854468.355:180)', 'audit(1795854468.355:181)') + ` a9="${'x'.repeat(9000)}"`;
  const kernelLines = [...labKernel, BUSYBOX_KERNEL, KERNEL_AVC, dockerSyscall, longSyscall];
  const ctx: ParseContext = { artifact: 'journal', path: 'sos_commands/logs/journalctl_--no-pager', collectedAt: Date.UTC(2026, 10, 28) };

  /** Through the journal parser's tee, which hands kernel records over by their parts. */
  const teed = (lines: readonly string[]): AuditLogParse => {
    const sink = withForwardedAudit(journalParser).create(ctx);
    lines.forEach((text, i) => sink.push({ no: i + 1, text: `Nov 28 07:00:00 vm kernel: ${text.replace(/^\[[^\]]*\] /, '')}` }));
    const r = sink.finish();
    if (r.status !== 'ok') throw new Error(r.status);
    return (r.value as JournalParse & WithForwardedAudit).auditForwarded!;
  };
  /** The same records written as audit.log lines and read by the audit.log parser's regex. */
  const written = (lines: readonly string[]): AuditLogParse => {
    const sink = auditLogParser.create(ctx);
    lines.forEach((text, i) => sink.push({ no: i + 1, text: forwardedRecord(text)! }));
    const r = sink.finish();
    if (r.status !== 'ok') throw new Error(r.status);
    return r.value!;
  };

  it('the lab capture has the records this test needs', () => {
    expect(labKernel.length).toBeGreaterThanOrEqual(4);
    expect(labSyscall).toMatch(/ key=\S+$/);
    expect(forwardedRecord(longSyscall)!.length).toBeGreaterThan(9000);
  });

  it('gives what the audit.log lines give: events, types, keys, fields and evidence', () => {
    const a = teed(kernelLines);
    expect(a).toEqual(written(kernelLines));
    expect(a.records).toBe(kernelLines.length);
    expect(a.events.map((e) => e.serial)).toEqual([180, 181]);
  });

  it("a shown event's excerpt is its record as audit.log writes it, at its line", () => {
    const a = teed([KERNEL_AVC, dockerSyscall]);
    const e = a.events.find((x) => x.serial === 180)!;
    const body = dockerSyscall.slice(dockerSyscall.indexOf('audit(1795854468.355:180): ') + 'audit(1795854468.355:180): '.length);
    expect(e.evidence.excerpt).toBe(`type=SYSCALL msg=audit(1795854468.355:180): ${body}`);
    expect(e.evidence.line).toBe(2);
    expect(e.key).toBe('docker');
  });

  it('a record past the cut is read as its first 8,192 characters, as a written line is', () => {
    const [e] = teed([longSyscall]).events;
    expect(e?.key).toBe('docker');
    expect(e?.evidence.excerpt).toBe(forwardedRecord(longSyscall)!.slice(0, 500));
    expect(teed([longSyscall])).toEqual(written([longSyscall]));
  });

  it('at the cut itself: a written record of 8,192 characters is read whole, one of 8,193 loses its last', () => {
    // Padding chosen so the written record is exactly n characters and ends in the bare key `docker9`.
    const sized = (n: number): string => {
      const base = labSyscall.replace(/ key=\S+$/, '') + ' a9="" key=docker9';
      const pad = n - forwardedRecord(base)!.length;
      return base.replace(' a9=""', ` a9="${'x'.repeat(pad)}"`);
    };
    const whole = sized(8192);
    const over = sized(8193);
    expect(forwardedRecord(whole)!.length).toBe(8192);
    expect(forwardedRecord(over)!.length).toBe(8193);
    expect(Object.keys(teed([whole]).keyCounts)).toEqual(['docker9']);
    expect(Object.keys(teed([over]).keyCounts)).toEqual(['docker']); // its last character cut
    expect(teed([whole])).toEqual(written([whole]));
    expect(teed([over])).toEqual(written([over]));
  });

  it('a field past the cut is not read, as in a written line', () => {
    // The key comes after 9,000 characters: beyond the 8,192 the audit.log parser reads of a record.
    const keyLate = labSyscall.replace(/ key=\S+$/, '') + ` a9="${'x'.repeat(9000)}" key="docker"`;
    const a = teed([keyLate]);
    expect(a.keyCounts.docker).toBeUndefined();
    expect(a.events).toEqual([]);
    expect(a).toEqual(written([keyLate]));
  });
});
