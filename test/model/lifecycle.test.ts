import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';

const collectedAt = Date.UTC(2023, 10, 15, 3);
const kinds = (m: ReturnType<typeof modelFrom>) => m.lifecycle.map((l) => `${l.bootIndex} ${l.actor} ${l.kind}${l.detail ? ` ${l.detail}` : ''}`);

describe('lifecycle from the real v252 three-boots journal', () => {
  const m = modelFrom(
    [
      { artifact: 'journal', fixture: 'journal/journalctl-252-json-all-three-boots.txt' },
      { artifact: 'journal.boots', fixture: 'journal-boots/journalctl-252-three-boots.txt' },
    ],
    { collectedAt },
  );
  const k = kinds(m);
  it('boot -2: boot, start, ready, orderly stop', () => {
    expect(k.slice(0, 11)).toEqual([
      '-2 system boot boot -2 8e1f2a3b4c5d4e6f8a9b0c1d2e3f4a5b',
      '-2 journald start journald started',
      '-2 docker.service start',
      '-2 dockerd start',
      '-2 dockerd ready initialised',
      '-2 dockerd ready serving its API on /run/docker.sock',
      '-2 docker.service ready unit started',
      '-2 docker.service stop stopping',
      '-2 dockerd stop signal terminated',
      '-2 dockerd stop clean shutdown',
      '-2 journald stop journald stopped',
    ]);
  });
  it('boot -1: SIGKILL, restarts with the start-limit, journald restart', () => {
    expect(k).toContain('-1 docker.service killed code=killed, status=9/KILL');
    expect(k).toContain("-1 docker.service crash docker.service result 'signal'");
    expect(k.filter((x) => x.startsWith('-1 docker.service restart'))).toEqual([
      '-1 docker.service restart restart counter 1',
      '-1 docker.service restart restart counter 2',
      '-1 docker.service restart restart counter 3',
    ]);
    expect(k).toContain('-1 dockerd start-failed configuration file /etc/docker/daemon.json refused: unexpected EOF');
    expect(k).toContain('-1 docker.service start-limit start refused: start limit hit');
    expect(k).toContain('-1 journald restart journald started (again in the same boot)');
    const kill = m.lifecycle.find((l) => l.kind === 'killed')!;
    expect(kill.time).toBe(Date.UTC(2023, 10, 15, 2, 46, 0));
    expect(kill.evidence.artifact).toBe('journal');
  });
  it('is ordered by boot then time', () => {
    const idx = m.lifecycle.map((l) => l.bootIndex!);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });
});

describe('lifecycle: systemd v219 and openEuler 18.09 wordings (hand-written from field guide §1.3–§1.5, §0)', () => {
  const m = modelFrom([{ artifact: 'journal', fixture: 'journal/journalctl-219-short-reboot-markers-hand.txt' }], { collectedAt: Date.UTC(2016, 5, 25, 12), ctx: { hostUtcOffsetMinutes: 480 } });
  const k = kinds(m);
  it('reads every variant', () => {
    expect(k).toEqual(
      expect.arrayContaining([
        '-1 containerd start started by dockerd (libcontainerd)',
        '-1 containerd restart killed and restarted by dockerd',
        '-1 docker.service killed code=killed, status=9/KILL',
        '-1 docker.service crash unit failed',
        // the detail is the wording's `cause` capture, without the `Error starting daemon: ` prefix
        '0 dockerd start-failed error initializing graphdriver: devmapper: Base Device UUID and Filesystem verification failed: devicemapper: Can\'t set cookie dm_task_set_cookie failed',
        '0 docker.service crash code=exited, status=1/FAILURE',
        '0 docker.service start-failed start failed',
        '0 docker.service restart restart scheduled',
        '0 docker.service start-limit start refused: start limit hit',
        '0 docker.service timeout start timed out',
        '0 docker.service stop stopped',
        '0 dockerd crash panic: page 3 already freed',
        '0 firewalld restart reloaded',
        '0 firewalld start started',
        '0 firewalld stop stopped',
      ]),
    );
  });
});

describe('lifecycle: v229–v249 wordings (hand-written from field guide §1.5)', () => {
  const m = modelFrom([{ artifact: 'journal', fixture: 'journal/journalctl-247-short-iso-markers-hand.txt' }], { collectedAt });
  const k = kinds(m);
  it('timeouts, hold-off, start-limit-hit, socket result and the 20.10 fatal line', () => {
    expect(k).toEqual(
      expect.arrayContaining([
        '-1 docker.service timeout start timed out',
        "-1 docker.service timeout docker.service result 'timeout'",
        '-1 docker.service restart restart scheduled',
        "-1 docker.service start-limit docker.service result 'start-limit-hit'",
        '0 dockerd start-failed Error initializing network controller: error obtaining controller instance: failed to get bridge network configurations from store: error while populating kmap: file size too small',
        '0 docker.service timeout start timed out',
      ]),
    );
  });
  it("docker.socket's `service-start-limit-hit` restates the service's refusal: it is no lifecycle event of its own", () => {
    expect(k.filter((x) => x.includes('docker.socket'))).toEqual([]);
    expect(m.journal.events['unit.failed-result']!.some((e) => e.fields.unit === 'docker.socket' && e.fields.result === 'service-start-limit-hit')).toBe(true);
  });
});
