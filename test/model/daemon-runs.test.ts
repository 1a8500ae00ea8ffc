/**
 * Daemon runs and episodes (model/daemon-runs.ts) through the real parser and model. The journal
 * texts are written from the real line shapes of the nspawn lab captures (test/fixtures/nspawn/*:
 * systemd 252 short form, docker.io 20.10.24 logrus lines); expected values are counted from the
 * text in each test. The nspawn samples are then analyzed whole and their episodes checked against
 * what their own journals show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';
import { analyzeCase } from '../helpers/rule-tester.js';
import { STORM_GAP_MS } from '../../analyzer/src/model/daemon-runs.js';
import type { DaemonRun, HostModel } from '../../analyzer/src/model/host-model.js';

const collectedAt = Date.UTC(2026, 10, 28, 9);
const at = (hms: string): number => Date.parse(`2026-11-28T${hms}Z`);

/** One short-form journal line: `Nov 28 hh:mm:ss docklab <ident>[<pid>]: <message>`. */
const line = (hms: string, ident: string, pid: number, msg: string): string => `Nov 28 ${hms} docklab ${ident}[${pid}]: ${msg}`;
const sd = (hms: string, msg: string) => line(hms, 'systemd', 1, msg);
/** A dockerd logrus line at that second (fraction fixed). */
const dd = (hms: string, pid: number, msg: string, extra = '') => line(hms, 'dockerd', pid, `time="2026-11-28T${hms}.500000000Z" level=info msg="${msg}"${extra}`);

const DESC = 'docker.service - Docker Application Container Engine';
const starting = (t: string) => sd(t, `Starting ${DESC}...`);
const started = (t: string) => sd(t, `Started ${DESC}.`);

function journal(lines: string[]): HostModel {
  return modelFrom([{ artifact: 'journal', text: lines.join('\n') + '\n', path: 'cmd/journal.txt' }], { collectedAt });
}
const dockerd = (m: HostModel): DaemonRun[] => m.daemons.runs.filter((r) => r.daemon === 'dockerd');
const containerd = (m: HostModel): DaemonRun[] => m.daemons.runs.filter((r) => r.daemon === 'containerd');

/** A healthy start of dockerd (pid) at t0 with its ready lines one second later. */
function healthyStart(t0: string, t1: string, pid: number): string[] {
  return [starting(t0), dd(t0, pid, 'Starting up'), dd(t1, pid, 'Daemon has completed initialization'), started(t1), dd(t1, pid, 'API listen on /run/docker.sock')];
}
/** A SIGKILL of the running dockerd as systemd logs it, then the scheduled restart. */
function sigkill(t: string, counter: number): string[] {
  return [sd(t, 'docker.service: Main process exited, code=killed, status=9/KILL'), sd(t, "docker.service: Failed with result 'signal'."), sd(t, `docker.service: Scheduled restart job, restart counter is at ${counter}.`), sd(t, `Stopped ${DESC}.`)];
}

describe('daemon runs from journal text', () => {
  it('a clean stop: one run, started, ready, ended clean-stop', () => {
    const m = journal([
      ...healthyStart('07:40:09', '07:40:11', 74),
      sd('07:45:01', `Stopping ${DESC}...`),
      dd('07:45:01', 74, "Processing signal 'terminated'"),
      dd('07:45:01', 74, 'Daemon shutdown complete'),
      sd('07:45:01', 'docker.service: Deactivated successfully.'),
      sd('07:45:01', `Stopped ${DESC}.`),
    ]);
    const runs = dockerd(m);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.start).toBe(at('07:40:09'));
    expect(runs[0]!.ready).toBeGreaterThanOrEqual(at('07:40:11'));
    expect(runs[0]!.ready).toBeLessThan(at('07:40:12'));
    expect(runs[0]!.end.how).toBe('clean-stop');
    expect(runs[0]!.end.time).toBeGreaterThanOrEqual(at('07:45:01'));
    expect(m.daemons.restartStorms).toEqual([]);
    expect(m.daemons.startLimits).toEqual([]);
  });

  it('a SIGKILL then the restart: the first run ends killed with 9/KILL, the second runs', () => {
    const m = journal([...healthyStart('08:25:10', '08:25:12', 74), ...sigkill('08:25:29', 1), ...healthyStart('08:25:30', '08:25:48', 363)]);
    const runs = dockerd(m);
    expect(runs).toHaveLength(2);
    expect(runs[0]!.end).toMatchObject({ how: 'killed', status: '9/KILL', time: at('08:25:29') });
    expect(runs[0]!.end.evidence.some((e) => e.excerpt.includes('status=9/KILL'))).toBe(true);
    expect(runs[1]!.start).toBe(at('08:25:30'));
    expect(runs[1]!.end.how).toBe('running');
    expect(m.daemons.restartStorms).toEqual([]); // one kill is not a storm
  });

  it("dockerd refuses a bad daemon.json 3 times, then systemd's start limit: one episode, starts counted not lines", () => {
    const fail = (t: string, pid: number, counter?: number) => [
      starting(t),
      line(t, 'dockerd', pid, 'unable to configure the Docker daemon with file /etc/docker/daemon.json: unexpected EOF'),
      sd(t, 'docker.service: Main process exited, code=exited, status=1/FAILURE'),
      sd(t, "docker.service: Failed with result 'exit-code'."),
      sd(t, `Failed to start ${DESC}.`),
      ...(counter ? [sd(t, `docker.service: Scheduled restart job, restart counter is at ${counter}.`), sd(t, `Stopped ${DESC}.`)] : []),
    ];
    const text = [
      ...healthyStart('07:40:09', '07:40:11', 74),
      sd('07:45:01', `Stopping ${DESC}...`),
      dd('07:45:01', 74, "Processing signal 'terminated'"),
      dd('07:45:01', 74, 'Daemon shutdown complete'),
      sd('07:45:01', `Stopped ${DESC}.`),
      ...fail('07:45:01', 188, 1),
      ...fail('07:45:02', 194, 2),
      ...fail('07:45:03', 199, 3),
      sd('07:45:03', 'docker.service: Start request repeated too quickly.'),
      sd('07:45:03', "docker.service: Failed with result 'exit-code'."),
      sd('07:45:03', `Failed to start ${DESC}.`),
      sd('07:45:03', "docker.socket: Failed with result 'service-start-limit-hit'."),
    ];
    const m = journal(text);
    const eps = m.daemons.startLimits;
    expect(eps).toHaveLength(1);
    const ep = eps[0]!;
    expect(ep.refusals).toBe(1);
    expect(ep.first).toBe(at('07:45:03'));
    // Starts in the window: every `Starting …Docker Application Container Engine...` line between
    // (first refusal − window − 1 s slack) and the refusal. The healthy start at 07:40:09 is outside.
    const refusalAt = at('07:45:03');
    const startTimes = text.filter((l) => l.includes(`Starting ${DESC}...`)).map((l) => at(l.slice(7, 15)));
    const inWindow = startTimes.filter((t) => t <= refusalAt && t >= refusalAt - ep.windowMs - 1000);
    expect(inWindow).toHaveLength(3);
    expect(ep.starts).toHaveLength(inWindow.length);
    expect(ep.starts.map((r) => r.start)).toEqual(inWindow);
    // each failed start is one run that ended start-failed with dockerd's own words
    const failed = dockerd(m).filter((r) => r.end.how === 'start-failed');
    expect(failed).toHaveLength(3);
    expect(failed.every((r) => r.end.cause?.includes('unexpected EOF'))).toBe(true);
    // three failed starts in a row are also a run of unplanned exits
    expect(m.daemons.restartStorms.map((s) => s.exits.length)).toEqual([3]);
  });

  it('five SIGKILLs in 35 s: one restart storm of 5', () => {
    const text: string[] = [...healthyStart('09:00:00', '09:00:01', 100)];
    const kills = ['09:00:05', '09:00:13', '09:00:21', '09:00:29', '09:00:35'];
    kills.forEach((t, i) => {
      text.push(...sigkill(t, i + 1));
      const next = new Date(at(t) + 1000).toISOString().slice(11, 19);
      const ready = new Date(at(t) + 2000).toISOString().slice(11, 19);
      text.push(...healthyStart(next, ready, 200 + i));
    });
    const m = journal(text);
    expect(at(kills.at(-1)!) - at(kills[0]!)).toBeLessThanOrEqual(35_000);
    const runs = dockerd(m);
    expect(runs).toHaveLength(1 + kills.length);
    expect(runs.filter((r) => r.end.how === 'killed')).toHaveLength(kills.length);
    const storms = m.daemons.restartStorms;
    expect(storms).toHaveLength(1);
    expect(storms[0]!.daemon).toBe('dockerd');
    expect(storms[0]!.exits).toHaveLength(kills.length);
    expect(storms[0]!.exits.map((r) => r.end.time)).toEqual(kills.map(at));
    // A storm begins at its first unplanned exit.
    expect(storms[0]!.first).toBe(at(kills[0]!));
    expect(storms[0]!.last).toBe(at(kills.at(-1)!));
  });

  it('a restart more than STORM_GAP_MS after the exit before it breaks the storm', () => {
    // 3 kills; each time dockerd stays down STORM_GAP_MS + 1 min before its next start.
    const hms = (t: number) => new Date(t).toISOString().slice(11, 19);
    const text: string[] = [...healthyStart('09:00:00', '09:00:01', 100)];
    let t = at('09:00:05');
    for (let i = 0; i < 3; i++) {
      text.push(...sigkill(hms(t), i + 1));
      t += STORM_GAP_MS + 60_000;
      text.push(...healthyStart(hms(t), hms(t + 1000), 200 + i));
      t += 5000;
    }
    const m = journal(text);
    expect(dockerd(m).filter((r) => r.end.how === 'killed')).toHaveLength(3);
    expect(m.daemons.restartStorms).toEqual([]);
  });

  it('dockerd --log-file: two `Starting up` with no shutdown line between → the first run ended unclean; an untimed start error belongs to the run around it', () => {
    const text = [
      'time="2026-11-28T07:40:09.446291237Z" level=info msg="Starting up"',
      'time="2026-11-28T07:40:09.491926933Z" level=info msg="libcontainerd: started new containerd process" pid=19862',
      'time="2026-11-28T07:40:10.134518956Z" level=info msg="API listen on /var/run/docker.sock"',
      // no "Daemon shutdown complete": the supervisor killed it
      'time="2026-11-28T07:44:04.120705540Z" level=info msg="Starting up"',
      'failed to start daemon: pid file found, ensure docker is not running or delete /var/run/docker.pid',
    ];
    const m = modelFrom([{ artifact: 'syslog', text: text.join('\n') + '\n', path: 'logs/dockerd.log' }], { collectedAt });
    const runs = dockerd(m);
    expect(runs).toHaveLength(text.filter((l) => l.includes('msg="Starting up"')).length);
    expect(Math.floor(runs[0]!.start!)).toBe(Date.parse('2026-11-28T07:40:09.446Z'));
    expect(runs[0]!.end.how).toBe('unclean');
    expect(Math.floor(runs[1]!.start!)).toBe(Date.parse('2026-11-28T07:44:04.120Z'));
    expect(runs[1]!.end.how).toBe('start-failed');
    expect(runs[1]!.end.cause).toContain('pid file found');
    expect(runs[1]!.end.evidence.some((e) => e.line === 5)).toBe(true);
    // the unclean end and the start failure are two unplanned exits, not three: no storm
    expect(m.daemons.restartStorms).toEqual([]);
  });

  it("containerd started by dockerd (`started new containerd process`) vs containerd.service", () => {
    const managed = modelFrom([{ artifact: 'syslog', text: ['time="2026-11-28T07:40:09.446291237Z" level=info msg="Starting up"', 'time="2026-11-28T07:40:09.491926933Z" level=info msg="libcontainerd: started new containerd process" pid=19862'].join('\n') + '\n', path: 'logs/dockerd.log' }], { collectedAt });
    expect(containerd(managed).map((r) => r.startedBy)).toEqual(['dockerd']);
    const separate = journal([
      sd('07:56:49', 'Starting containerd.service - containerd container runtime...'),
      line('07:56:50', 'containerd', 65, 'time="2026-11-28T07:56:50.100000000Z" level=info msg="containerd successfully booted in 0.149028s"'),
      sd('07:56:51', 'Started containerd.service - containerd container runtime.'),
      ...healthyStart('07:56:51', '07:56:57', 78),
    ]);
    const c = containerd(separate);
    expect(c).toHaveLength(1);
    expect(c[0]!.startedBy).toBe('systemd');
    expect(c[0]!.start).toBe(at('07:56:49'));
    expect(dockerd(separate)).toHaveLength(1);
  });

  it('journald stopped and started in one boot: one journald restart', () => {
    const m = journal([
      line('07:46:00', 'systemd-journald', 30, 'Journal started'),
      ...healthyStart('07:46:10', '07:46:12', 76),
      line('07:46:58', 'systemd-journald', 34, 'Journal stopped'),
      line('07:46:59', 'systemd-journald', 211, 'Journal started'),
    ]);
    const r = m.daemons.journaldRestarts;
    expect(r).toHaveLength(1);
    expect(r[0]!.stopped).toBe(at('07:46:58'));
    expect(r[0]!.started).toBe(at('07:46:59'));
  });
});

describe('the real nspawn samples give the episodes their journals show', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  interface JLine {
    MESSAGE?: string;
    SYSLOG_IDENTIFIER?: string;
    __REALTIME_TIMESTAMP?: string;
  }
  const records = (sample: string): JLine[] =>
    readFileSync(join(ROOT, 'samples', sample, 'cmd', 'journal.json'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as JLine);
  const msg = (r: JLine): string => (typeof r.MESSAGE === 'string' ? r.MESSAGE : '');
  const ms = (r: JLine): number => Number(r.__REALTIME_TIMESTAMP) / 1000;
  const analyzed = async (sample: string) => (await analyzeCase([], { name: sample, bundle: `samples/${sample}` })).model;

  for (const sample of ['nspawn-start-limit-daemon-json', 'nspawn-start-limit-hit', 'nspawn-start-timeout']) {
    it(`${sample}: one start-limit episode per group of refusals, its starts counted from the journal`, async () => {
      const recs = records(sample).filter((r) => r.SYSLOG_IDENTIFIER === 'systemd');
      const refusals = recs.filter((r) => msg(r) === 'docker.service: Start request repeated too quickly.');
      expect(refusals.length).toBeGreaterThan(0);
      const starts = recs.filter((r) => msg(r) === `Starting ${DESC}...`).map(ms);
      const m = await analyzed(sample);
      const eps = m.daemons.startLimits;
      expect(eps.length).toBeGreaterThan(0);
      expect(eps.reduce((n, e) => n + e.refusals, 0)).toBe(refusals.length);
      for (const ep of eps) {
        const want = starts.filter((t) => t <= ep.first! && t >= ep.first! - ep.windowMs - 1000);
        expect(ep.starts.map((r) => r.start), `starts of the episode at ${new Date(ep.first!).toISOString()}`).toEqual(want);
      }
    });
  }

  it('nspawn-journald-restart: the journald restarts of its boots', async () => {
    const recs = records('nspawn-journald-restart').filter((r) => r.SYSLOG_IDENTIFIER === 'systemd-journald');
    // A `Journal started` after a `Journal stopped` with no boot between; the sample has one boot per journal file run.
    const m = await analyzed('nspawn-journald-restart');
    const boots = m.boots;
    let want = 0;
    let stoppedInBoot: string | undefined;
    const all = records('nspawn-journald-restart');
    for (const r of all) {
      const boot = (r as { _BOOT_ID?: string })._BOOT_ID;
      if (r.SYSLOG_IDENTIFIER !== 'systemd-journald') continue;
      if (msg(r) === 'Journal stopped') stoppedInBoot = boot;
      else if (msg(r) === 'Journal started' && stoppedInBoot !== undefined && stoppedInBoot === boot) {
        want++;
        stoppedInBoot = undefined;
      }
    }
    expect(recs.length).toBeGreaterThan(0);
    expect(boots.length).toBeGreaterThan(0);
    expect(want).toBeGreaterThan(0);
    expect(m.daemons.journaldRestarts.filter((w) => w.stopped !== undefined)).toHaveLength(want);
  });

  it('nspawn-start-limit-daemon-json: every failed start is a start-failed run with the daemon.json cause', async () => {
    const recs = records('nspawn-start-limit-daemon-json');
    const refusedConfig = recs.filter((r) => msg(r).startsWith('unable to configure the Docker daemon with file /etc/docker/daemon.json'));
    const m = await analyzed('nspawn-start-limit-daemon-json');
    const failed = m.daemons.runs.filter((r) => r.daemon === 'dockerd' && r.end.how === 'start-failed');
    expect(failed).toHaveLength(refusedConfig.length);
    expect(failed.every((r) => r.end.cause?.includes('daemon.json'))).toBe(true);
  });
});
