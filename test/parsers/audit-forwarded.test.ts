/**
 * Audit records forwarded into the system logs (parsers/audit-forwarded.ts). The lines of the first
 * block are verbatim from public threads; expected values are read off those lines.
 */
import { describe, expect, it } from 'vitest';
import { forwardedRecord, type WithForwardedAudit } from '../../analyzer/src/parsers/audit-forwarded.js';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import type { JournalParse } from '../../analyzer/src/parsers/journal.js';

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

  it('a log without audit records has no auditForwarded', () => {
    expect(parse('Jul 31 17:22:58 ams systemd[1]: Started Docker Application Container Engine.\n').auditForwarded).toBeUndefined();
  });
});
