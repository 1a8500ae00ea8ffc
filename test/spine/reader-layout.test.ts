/**
 * Layout detection, sos fallbacks and collection health. Archives are hand-built; the sos names
 * and manifest fields follow field guide §4 and sos 4.0's own code (sos/report/plugins/__init__.py:
 * `sos_strings/<plugin>/<path.dots>.tailed` plus a symlink at the original path).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseName, PathMap, pickWinners, resolveLinkTarget, shippedPathMap } from '../../analyzer/src/spine/path-map.js';
import { scanBundle } from '../../analyzer/src/spine/reader.js';
import { parseBundleManifest } from '../../analyzer/src/spine/manifest.js';
import { parserFor } from '../../analyzer/src/parsers/index.js';
import { recordingSinks, tarBuffer, tempDir, tgzBuffer, writeTemp } from './helpers.js';

let work: ReturnType<typeof tempDir>;
beforeEach(() => {
  work = tempDir();
});
afterEach(() => work.cleanup());

const state = (inv: Awaited<ReturnType<typeof scanBundle>>['inventory'], id: string) => inv.artifacts.find((a) => a.artifact === id)!;

describe('path map', () => {
  const pm = new PathMap();
  it('maps our bundle paths and sos paths to artifact ids', () => {
    expect(pm.match('cmd/ipcs-s.txt')).toEqual([{ artifact: 'ipcs.sem', set: 'bundle', pattern: 0 }]);
    expect(pm.match('sos_commands/sysvipc/ipcs')).toEqual([{ artifact: 'ipcs.sem', set: 'sos', pattern: 1 }]);
    expect(pm.match('files/var/lib/docker/devicemapper/metadata/deviceset-metadata')[0]?.artifact).toBe('devicemapper.deviceset-metadata');
    expect(pm.match('var/log/audit/audit.log.1')).toEqual([{ artifact: 'audit.log', set: 'sos', pattern: 0 }]);
    expect(pm.match('cmd/ipcs-s.txt.stderr')).toEqual([]);
    expect(pm.match('sos_commands/systemd/systemctl_show_service_--all').map((c) => c.artifact).sort()).toEqual(['systemd.containerd', 'systemd.docker', 'systemd.journald']);
  });
  it('maps sos_strings .tailed copies back to the original path', () => {
    expect(pm.match('sos_strings/logs/var.log.messages.tailed')).toEqual([{ artifact: 'syslog', set: 'sos', pattern: 0 }]);
    expect(pm.match('sos_strings/logs/journalctl_--no-pager.tailed')).toEqual([{ artifact: 'journal', set: 'sos', pattern: 0 }]);
  });
  it('picks the first sos fallback with a match; multi-file artifacts keep every match', () => {
    const found = [
      ...['sos_commands/sysvipc/ipcs', 'sos_commands/sysvipc/ipcs_-s', 'etc/security/limits.d/90-nproc.conf', 'etc/security/limits.conf'].flatMap((p) => pm.match(p).map((c) => ({ ...c, p }))),
    ];
    expect(pickWinners('sosreport', found).map((w) => w.p)).toEqual(['sos_commands/sysvipc/ipcs_-s', 'etc/security/limits.d/90-nproc.conf', 'etc/security/limits.conf']);
    expect(pickWinners('docker-postmortem', found)).toEqual([]);
  });
  it('the shipped map is built once and a caller cannot change what it answers next', () => {
    const shared = shippedPathMap();
    expect(shippedPathMap()).toBe(shared);
    const paths = ['cmd/ipcs-s.txt', 'sos_commands/systemd/systemctl_show_service_--all', 'sos_strings/logs/var.log.messages.tailed', 'var/log/audit/audit.log.1'];
    const fresh = paths.map((p) => pm.match(p));
    for (const p of paths) for (const c of shared.match(p)) Object.assign(c, { artifact: 'changed', pattern: 99 });
    expect(paths.map((p) => shared.match(p))).toEqual(fresh);
  });
  it('normalises names and resolves link targets by name only', () => {
    expect(normaliseName('./a//b/./c')).toEqual({ path: 'a/b/c', absolute: false, escapes: false });
    expect(normaliseName('/etc/passwd')).toEqual({ path: 'etc/passwd', absolute: true, escapes: false });
    expect(normaliseName('a/../../b').escapes).toBe(true);
    expect(resolveLinkTarget('mount', 'sos_commands/filesys/mount_-l')).toBe('sos_commands/filesys/mount_-l');
    expect(resolveLinkTarget('var/log/messages', '../../sos_strings/logs/var.log.messages.tailed')).toBe('sos_strings/logs/var.log.messages.tailed');
    expect(resolveLinkTarget('a/b', '../../../x')).toBeUndefined();
    expect(resolveLinkTarget('a/b', '/etc/passwd')).toBeUndefined();
  });
});

describe('manifest case id and label', () => {
  it('keeps values in the collector charset and drops anything else (a bundle is untrusted input)', () => {
    const read = (caseId: unknown, label: unknown) => parseBundleManifest(JSON.stringify({ format: 'docker-postmortem-bundle', caseId, label, items: [] })).manifest!;
    expect(read('12345', 'a-b_c.d')).toMatchObject({ caseId: '12345', label: 'a-b_c.d' });
    for (const bad of ['\u001b[31mred', 'a b', '', 'x'.repeat(65), 42, null, '../etc']) {
      const m = read(bad, bad);
      expect(m.caseId, String(bad)).toBeUndefined();
      expect(m.label, String(bad)).toBeUndefined();
    }
    expect(read('x'.repeat(64), undefined).caseId).toBe('x'.repeat(64));
  });
});

describe('layout detection', () => {
  it('our tarball: manifest first, host, time, offset, health per item', async () => {
    const top = 'docker-postmortem-node1-20261128T071812Z';
    const item = (id: string, path: string, extra: Record<string, unknown> = {}) => ({
      id, kind: 'command', path, exitCode: 0, truncated: false, timedOut: false, skipped: false, skipReason: null, error: null, ...extra,
    });
    const manifest = {
      format: 'docker-postmortem-bundle',
      formatVersion: 1,
      collector: { name: 'docker-postmortem-collect', version: '0.1.0' },
      host: 'node1',
      collectedAt: '2026-11-28T07:18:12Z',
      utcOffset: '+0800',
      asRoot: true,
      caseId: 'SR-0042',
      label: 'node1.after_reboot',
      items: [
        item('ipcs.sem', 'cmd/ipcs-s.txt'),
        item('dmsetup.udevcookies', 'cmd/dmsetup-udevcookies.txt', { exitCode: null, skipped: true, skipReason: 'tool not found: dmsetup' }),
        item('docker.info', 'cmd/docker-info.txt', { exitCode: 124, timedOut: true, error: 'timeout after 20s' }),
        item('docker.ps', 'cmd/docker-ps-a.txt', { exitCode: 1, error: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' }),
        item('journal', 'cmd/journal.json', { truncated: true }),
        item('df.i', 'cmd/df-i.txt'),
        item('dmesg', 'cmd/dmesg.txt'),
      ],
    };
    const p = writeTemp(
      work.dir,
      `${top}.tar.gz`,
      await tgzBuffer([
        { name: `${top}/`, type: 'directory' },
        { name: `${top}/manifest.json`, content: JSON.stringify(manifest) },
        { name: `${top}/cmd/ipcs-s.txt`, content: 'x\n' },
        { name: `${top}/cmd/docker-ps-a.txt`, content: '' },
        { name: `${top}/cmd/docker-ps-a.txt.stderr`, content: 'Cannot connect\n' },
        { name: `${top}/cmd/journal.json`, content: '{"MESSAGE":"a"}\n' },
        { name: `${top}/cmd/df-i.txt`, content: '' },
      ]),
    );
    const { captured, sinkFor } = recordingSinks();
    const { inventory } = await scanBundle(p, { sinkFor });
    expect(inventory).toMatchObject({
      format: 'tar.gz',
      layout: 'docker-postmortem',
      topFolder: top,
      host: 'node1',
      collectedAt: Date.parse('2026-11-28T07:18:12Z'),
      hostUtcOffsetMinutes: 480,
      collectorVersion: '0.1.0',
      asRoot: true,
      caseId: 'SR-0042',
      label: 'node1.after_reboot',
      members: 7,
    });
    expect(captured[0]!.ctx).toMatchObject({ artifact: 'ipcs.sem', path: 'cmd/ipcs-s.txt', collectedAt: Date.parse('2026-11-28T07:18:12Z'), hostUtcOffsetMinutes: 480 });
    expect(state(inventory, 'ipcs.sem')).toMatchObject({ state: 'present', paths: ['cmd/ipcs-s.txt'], bytes: 2 });
    expect(state(inventory, 'dmsetup.udevcookies')).toMatchObject({ state: 'skipped', detail: 'tool not found: dmsetup' });
    expect(state(inventory, 'docker.info')).toMatchObject({ state: 'timed-out', exitCode: 124 });
    expect(state(inventory, 'docker.ps')).toMatchObject({ state: 'failed', exitCode: 1, detail: expect.stringContaining('Cannot connect') });
    expect(state(inventory, 'journal')).toMatchObject({ state: 'truncated' });
    expect(state(inventory, 'df.i')).toMatchObject({ state: 'empty' });
    expect(state(inventory, 'dmesg')).toMatchObject({ state: 'missing', detail: 'listed in manifest.json but not in the archive' });
    expect(state(inventory, 'uname')).toMatchObject({ state: 'missing' });
    expect(inventory.artifacts).toHaveLength(new PathMap().specs.length);
  });

  it('a loose tar without a top folder or manifest is a folder layout', async () => {
    const p = writeTemp(work.dir, 'loose.tar', await tarBuffer([{ name: 'cmd/ipcs-s.txt', content: 'x\n' }, { name: 'files/proc/sys/kernel/sem', content: '250\t32000\t32\t128\n' }]));
    const { inventory } = await scanBundle(p);
    expect(inventory).toMatchObject({ format: 'tar', layout: 'folder', topFolder: undefined });
    expect(state(inventory, 'kernel.sem').state).toBe('present');
  });

  it('a `./`-prefixed tar (tar -C dir -cf x .) is read the same', async () => {
    const p = writeTemp(work.dir, 'dot.tar', await tarBuffer([{ name: './', type: 'directory' }, { name: './cmd/', type: 'directory' }, { name: './cmd/ipcs-s.txt', content: 'x\n' }]));
    const { inventory } = await scanBundle(p);
    expect(inventory).toMatchObject({ layout: 'folder', topFolder: undefined });
    expect(state(inventory, 'ipcs.sem').paths).toEqual(['cmd/ipcs-s.txt']);
  });

  it('sosreport: fallbacks, multi-file unions, .tailed truncation, sos manifest and ui.log health', async () => {
    const top = 'sosreport-node1-2026-11-28-abcdefg';
    const sosManifest = {
      version: '4.2',
      start_time: '2026-11-28 07:28:51.591790',
      components: {
        report: {
          plugins: {
            sysvipc: { timeout_hit: false, commands: [{ exec: 'ipcs', filepath: 'sos_commands/sysvipc/ipcs', return_code: 0, truncated: false }] },
            devicemapper: {
              timeout_hit: false,
              commands: [
                { exec: 'dmsetup udevcookies', filepath: 'sos_commands/devicemapper/dmsetup_udevcookies', return_code: 127 },
                { exec: 'dmsetup status', filepath: 'sos_commands/devicemapper/dmsetup_status', return_code: 124 },
              ],
            },
            logs: { timeout_hit: false, commands: [{ exec: 'journalctl --no-pager', filepath: 'sos_commands/logs/journalctl_--no-pager', return_code: 0, truncated: true }] },
          },
        },
      },
    };
    const p = writeTemp(
      work.dir,
      'sos.tar',
      await tarBuffer([
        { name: `${top}/`, type: 'directory' },
        { name: `${top}/etc/security/limits.conf`, content: '* soft nofile 1024\n' },
        { name: `${top}/etc/security/limits.d/90-nproc.conf`, content: '* soft nproc 4096\n' },
        { name: `${top}/mount`, type: 'symlink', linkname: 'sos_commands/filesys/mount_-l' },
        { name: `${top}/sos_commands/devicemapper/dmsetup_status`, content: 'partial\n' },
        { name: `${top}/sos_commands/logs/journalctl_--no-pager`, type: 'symlink', linkname: '../../sos_strings/logs/journalctl_--no-pager.tailed' },
        { name: `${top}/sos_commands/logs/journalctl_--no-pager_--boot`, content: 'Nov 28 07:31:33 vm kernel: second choice\n' },
        { name: `${top}/sos_commands/sysvipc/ipcs`, content: 'all of ipcs\n' },
        { name: `${top}/sos_logs/ui.log`, content: '\n Plugin networking timed out\n' },
        { name: `${top}/sos_reports/manifest.json`, content: JSON.stringify(sosManifest) },
        { name: `${top}/sos_strings/logs/journalctl_--no-pager.tailed`, content: 'Nov 28 07:31:33 vm kernel: tail of the journal\n' },
        { name: `${top}/sos_strings/logs/var.log.messages.tailed`, content: 'Nov 28 07:31:33 vm kernel: tail of messages\n' },
        { name: `${top}/var/log/messages`, type: 'symlink', linkname: '../../sos_strings/logs/var.log.messages.tailed' },
        { name: `${top}/version.txt`, content: 'sosreport: 4.2\nauditd: unversioned\n' },
      ]),
    );
    const { captured, sinkFor } = recordingSinks();
    const { inventory, parsed } = await scanBundle(p, { sinkFor });
    expect(inventory).toMatchObject({ layout: 'sosreport', sosVersion: '4.2', topFolder: top, collectedAt: Date.UTC(2026, 10, 28, 7, 28, 51, 591) });
    // the journal: the .tailed copy of the first fallback wins over the second fallback; both were parsed
    expect(captured.filter((c) => c.source.artifact === 'journal').map((c) => c.source.path)).toEqual(['sos_commands/logs/journalctl_--no-pager_--boot', 'sos_strings/logs/journalctl_--no-pager.tailed']);
    expect(parsed.filter((x) => x.source.artifact === 'journal').map((x) => x.source.path)).toEqual(['sos_strings/logs/journalctl_--no-pager.tailed']);
    expect(state(inventory, 'journal')).toMatchObject({ state: 'truncated', paths: ['sos_strings/logs/journalctl_--no-pager.tailed'] });
    expect(state(inventory, 'syslog')).toMatchObject({ state: 'truncated', paths: ['sos_strings/logs/var.log.messages.tailed'] });
    expect(state(inventory, 'limits').paths).toEqual(['etc/security/limits.conf', 'etc/security/limits.d/90-nproc.conf']);
    expect(state(inventory, 'ipcs.sem')).toMatchObject({ state: 'present', paths: ['sos_commands/sysvipc/ipcs'] });
    expect(state(inventory, 'dmsetup.udevcookies')).toMatchObject({ state: 'failed', exitCode: 127, detail: expect.stringContaining('command not found') });
    expect(state(inventory, 'dmsetup.status')).toMatchObject({ state: 'timed-out', exitCode: 124, paths: ['sos_commands/devicemapper/dmsetup_status'] });
    expect(state(inventory, 'ip.link')).toMatchObject({ state: 'timed-out', detail: 'sos plugin networking timed out' });
    expect(state(inventory, 'mount.l')).toMatchObject({ state: 'missing' }); // `mount` is a symlink: never read
    expect(state(inventory, 'dataroot.listing')).toMatchObject({ state: 'missing', detail: 'sosreport does not collect it' });
    expect(inventory.links?.map((l) => [l.path, l.inside])).toEqual([
      ['mount', true],
      ['sos_commands/logs/journalctl_--no-pager', true],
      ['var/log/messages', true],
    ]);
    expect(inventory.problems).toEqual([]);
  });

  it('sosreport: systemctl status exiting 3 is a normal answer; etc/hostname and copied unit files are read', async () => {
    const top = 'sosreport-node2-2026-11-28-hijklmn';
    const plugin = (commands: { exec: string; filepath: string; return_code: number }[]) => ({ timeout_hit: false, commands });
    const sosManifest = {
      version: '4.5.6',
      components: {
        report: {
          plugins: {
            // systemctl(1): `status` exits 3 when a listed unit is not active; sos records it as is.
            systemd: plugin([{ exec: 'systemctl status --all', filepath: 'sos_commands/systemd/systemctl_status_--all', return_code: 3 }]),
            docker: plugin([{ exec: 'docker info', filepath: 'sos_commands/docker/docker_info', return_code: 3 }]),
          },
        },
      },
    };
    const p = writeTemp(
      work.dir,
      'sos-units.tar',
      await tarBuffer([
        { name: `${top}/sos_reports/manifest.json`, content: JSON.stringify(sosManifest) },
        { name: `${top}/sos_commands/systemd/systemctl_status_--all`, content: '* docker.service - Docker Application Container Engine\n   Active: inactive (dead)\n' },
        { name: `${top}/sos_commands/docker/docker_info`, content: 'Storage Driver: overlay2\n' },
        { name: `${top}/etc/hostname`, content: 'node2\n' },
        { name: `${top}/etc/systemd/system/docker.service.d/override.conf`, content: '[Service]\nExecStart=\n' },
        { name: `${top}/usr/lib/systemd/system/docker.service`, content: '[Service]\nExecStart=/usr/bin/dockerd\n' },
        { name: `${top}/etc/systemd/system/multi-user.target.wants/docker.service`, type: 'symlink', linkname: '../../../../usr/lib/systemd/system/docker.service' },
        { name: `${top}/version.txt`, content: 'sosreport: 4.5.6\n' },
      ]),
    );
    const { inventory, parsed } = await scanBundle(p, { sinkFor: (source, ctx) => parserFor(source.artifact)?.create({ ...ctx }) });
    expect(state(inventory, 'systemd.status')).toMatchObject({ state: 'present' });
    // The exception is systemctl status's own: any other command exiting 3 still failed.
    expect(state(inventory, 'docker.info')).toMatchObject({ state: 'failed', exitCode: 3 });
    expect(state(inventory, 'hostname')).toMatchObject({ state: 'present', paths: ['etc/hostname'] });
    expect(parsed.find((x) => x.source.artifact === 'hostname')?.result).toMatchObject({ status: 'ok', value: { hostname: 'node2' } });
    expect(state(inventory, 'systemd.cat-docker').paths.sort()).toEqual(['etc/systemd/system/docker.service.d/override.conf', 'usr/lib/systemd/system/docker.service']);
  });

  it('sos 4.8 version.txt wording and no top folder still say sosreport', async () => {
    const p = writeTemp(work.dir, 'sos48.tgz', await tgzBuffer([{ name: 'version.txt', content: 'sos report: 4.8.0\n' }, { name: 'uname', content: 'Linux x\n' }]));
    const { inventory } = await scanBundle(p);
    expect(inventory).toMatchObject({ layout: 'sosreport', sosVersion: '4.8.0' });
    expect(state(inventory, 'uname').paths).toEqual(['uname']);
  });

  it('collectedAt falls back to the member mtime when there is no manifest', async () => {
    const mtime = new Date('2026-11-20T10:00:00Z');
    const p = writeTemp(work.dir, 'm.tar', await tarBuffer([{ name: 'cmd/dmesg.txt', content: 'x\n', mtime }]));
    const { captured, sinkFor } = recordingSinks();
    const { inventory } = await scanBundle(p, { sinkFor });
    expect(captured[0]!.ctx).toMatchObject({ collectedAt: mtime.getTime(), sourceMtime: mtime.getTime() });
    expect(captured[0]!.source.mtime).toBe(mtime.getTime());
    expect(inventory.collectedAt).toBe(mtime.getTime());
  });
});
