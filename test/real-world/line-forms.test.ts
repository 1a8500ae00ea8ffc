/**
 * Line forms real hosts write (issue 13 classes 1–2), one assertion per form: every locale's `%b`
 * month, weekday and grep prefixes, SONiC's severity word and year-first stamps, host-less journalctl
 * lines, RFC 5424, and the journalctl -x bare `--` separator. Expected values come from the line text.
 */
import { describe, expect, it } from 'vitest';
import { readShortStamp } from '../../analyzer/src/parsers/journal-time.js';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import type { JournalParse } from '../../analyzer/src/parsers/journal.js';

// glibc abmon per locale, January…December (as `locale abmon` prints them; ja/ko pad one-digit months).
const ABMON: Record<string, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  de: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
  fr: ['janv.', 'févr.', 'mars', 'avril', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  it: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  pt: ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  ru: ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  zh_CN: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  ja_JP: [' 1月', ' 2月', ' 3月', ' 4月', ' 5月', ' 6月', ' 7月', ' 8月', ' 9月', '10月', '11月', '12月'],
  ko_KR: [' 1월', ' 2월', ' 3월', ' 4월', ' 5월', ' 6월', ' 7월', ' 8월', ' 9월', '10월', '11월', '12월'],
};

const journal = (text: string): JournalParse => {
  const r = parseText('journal', text, { path: 'cmd/journal.json', collectedAt: Date.UTC(2024, 11, 31) });
  expect(r.status).toBe('ok');
  expect(r.problems ?? []).toEqual([]);
  return (r as { value: JournalParse }).value;
};

describe('short stamps in every locale glibc writes', () => {
  for (const [locale, months] of Object.entries(ABMON)) {
    it(`${locale}: all twelve months, also lowercase`, () => {
      months.forEach((m, i) => {
        const line = `${m} 11 02:59:48 host dockerd[1]: x`;
        expect(readShortStamp(line)?.month, line).toBe(i);
        expect(readShortStamp(line.toLowerCase())?.month, line.toLowerCase()).toBe(i);
      });
    });
  }

  it('weekday first (de, fr, zh), year first (SONiC 2025), and a grep file prefix', () => {
    expect(readShortStamp('Do Dez 27 03:01:00 host systemd[1]: x')).toMatchObject({ month: 11, day: 27, h: 3 });
    expect(readShortStamp('jeu. janv. 4 10:00:00 host systemd[1]: x')).toMatchObject({ month: 0, day: 4 });
    expect(readShortStamp('四 1月 4 10:00:00 host systemd[1]: x')).toMatchObject({ month: 0, day: 4 });
    expect(readShortStamp('2025 Sep 24 19:25:19.582082 sonic INFO lldp.sh[355442]: x')).toMatchObject({ year: 2025, month: 8, day: 24, frac: '582082' });
    expect(readShortStamp('messages:Jan  4 10:00:00 host docker[1]: x')).toMatchObject({ month: 0, day: 4, rest: 'host docker[1]: x' });
  });

  it('words that are not months are not stamps', () => {
    expect(readShortStamp('Error 12 10:00:00 starting')).toBeUndefined();
    expect(readShortStamp('  at main.go:12')).toBeUndefined();
    expect(readShortStamp('Foo 40 10:00:00 host x: y')).toBeUndefined();
  });
});

describe('syslog and journalctl variants keep the program', () => {
  it('ja_JP padded month is a record, not a continuation', () => {
    const v = journal(' 9月 29 21:00:48 centos systemd[1]: Started Docker Application Container Engine.\n');
    expect(v.records).toBe(1);
    expect(Object.keys(v.byUnit)).toEqual(['systemd']);
  });

  it('SONiC: microseconds and a severity word between host and program', () => {
    const v = journal('Jul 17 10:57:55.506614 sonic INFO dockerd[758]: time="2020-07-17T10:57:55Z" level=info msg="x"\nJun  9 16:18:21.902661 sonic INFO swss4[612] 2020-06-09 16:18:21,902 INFO spawned\n');
    expect(Object.keys(v.byUnit).sort()).toEqual(['dockerd', 'swss4']);
  });

  it('busybox syslogd: facility.priority between host and program (security-profiles-operator#780)', () => {
    // Verbatim line of kubernetes-sigs/security-profiles-operator#780; the program is the word before the colon.
    const v = journal(
      'Jan 11 09:11:48 syslogd-sf2dl kern.notice kernel: [ 1033.124778] audit: type=1326 audit(1641892308.345:622): auid=4294967295 uid=0 gid=0 ses=4294967295 pid=15085 comm="sh" exe="/bin/busybox" sig=0 arch=c00000b7 syscall=135 compat=0 ip=0xffff87e01ef0 code=0x7ffc0000\n' +
        'Jan 11 09:11:48 syslogd-sf2dl daemon.info dockerd[811]: time="2022-01-11T09:11:48Z" level=info msg="x"\n',
    );
    expect(Object.keys(v.byUnit).sort()).toEqual(['dockerd', 'kernel']);
  });

  it('double spaces after the host, docker 1.x and RHEL idents, no host at all', () => {
    const v = journal('Sep 01 12:16:10 PC4  docker[11649]: a\nSep 01 12:16:11 PC4 dockerd-current[3051]: b\nJul 17 14:11:50 dockerd[46867]: c\n');
    expect(Object.keys(v.byUnit).sort()).toEqual(['docker', 'dockerd', 'dockerd-current']);
  });

  it('RFC 5424 with and without PRI; grep prefix before RFC 3339', () => {
    const v = journal('<30>1 2024-01-02T03:04:05.123Z host dockerd 811 - - msg one\n1 2024-01-02T03:04:06Z host containerd - - [meta x="1"] msg two\nmessages:2017-06-07T10:41:43.932549+00:00 guest docker: three\n');
    expect(Object.keys(v.byUnit).sort()).toEqual(['containerd', 'docker', 'dockerd']);
    expect(v.firstTime).toBe(Date.UTC(2017, 5, 7, 10, 41, 43) + 932.549);
  });

  it('journalctl -x: the bare `--` separator is catalog text', () => {
    const v = journal('--\n-- The unit docker.service has entered the failed state.\nJan 11 02:59:48 host systemd[1]: x\n');
    expect(v.records).toBe(1);
  });
});
