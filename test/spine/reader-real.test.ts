/**
 * Real inputs: the committed sos 4.0 report from this Debian 12 machine, and a bundle-shaped folder
 * made here from real command output, read as a folder and as GNU tar archives (gzip and xz).
 * Expected values come from the inputs themselves (GNU tar + fs reads), not from the reader.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanBundle } from '../../analyzer/src/spine/reader.js';
import { recordingSinks, tempDir } from './helpers.js';

const SAMPLE = resolve(__dirname, '../../samples/sosreport-vm-debian12.tar.xz');
const SOS_TOP = 'sosreport-vm-2026-11-28-fgorjde';

const has = (cmd: string, args: string[] = ['--version']) => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const haveTarXz = has('tar') && has('xz');

/** A member's content as GNU tar sees it. */
function tarMember(archive: string, member: string): string {
  return execFileSync('tar', ['-xOf', archive, member], { maxBuffer: 1 << 26 }).toString('utf8');
}

function linesOf(text: string): string[] {
  const l = text.split('\n');
  if (l.at(-1) === '') l.pop();
  return l;
}

describe.skipIf(!haveTarXz)('reader: the real sos 4.0 sample (needs tar and xz for the expectations)', () => {
  it('is a sosreport with version, host and time, journal and ipcs found through the fallbacks', async () => {
    const { captured, sinkFor } = recordingSinks();
    const { inventory, parsed } = await scanBundle(SAMPLE, { sinkFor });
    const listing = execFileSync('tar', ['-tJf', SAMPLE]).toString().split('\n').filter(Boolean);
    expect(inventory).toMatchObject({ format: 'tar.xz', layout: 'sosreport', topFolder: SOS_TOP, sosVersion: '4.0', host: 'vm', members: listing.length });
    expect(inventory.problems).toEqual([]);
    const version = tarMember(SAMPLE, `${SOS_TOP}/version.txt`);
    expect(version.split('\n')[0]).toBe(`sosreport: ${inventory.sosVersion}`);

    const byId = Object.fromEntries(inventory.artifacts.map((a) => [a.artifact, a]));
    // journal: the first fallback exists in sos 4.0
    expect(byId['journal']).toMatchObject({ state: 'present', paths: ['sos_commands/logs/journalctl_--no-pager'] });
    // previous boot: sos 4.0 names it `…_--catalog_--boot_-1` (second fallback); the command failed (single boot)
    expect(byId['journal.previous-boot']!.paths).toEqual(['sos_commands/logs/journalctl_--no-pager_--catalog_--boot_-1']);
    expect(byId['journal.previous-boot']).toMatchObject({ state: 'failed', exitCode: 1 });
    // ipcs -s: sos has only `ipcs` (second fallback)
    expect(listing).not.toContain(`${SOS_TOP}/sos_commands/sysvipc/ipcs_-s`);
    expect(byId['ipcs.sem']).toMatchObject({ state: 'present', paths: ['sos_commands/sysvipc/ipcs'] });
    // mount.l: `mount` is a symlink at the root; the real file is the first fallback
    expect(byId['mount.l']!.paths).toEqual(['sos_commands/filesys/mount_-l']);
    expect(inventory.links).toContainEqual({ path: 'mount', target: 'sos_commands/filesys/mount_-l', inside: true });

    // lines handed to the parsers equal the file as GNU tar extracts it
    for (const id of ['journal', 'ipcs.sem', 'dmesg', 'uname']) {
      const path = byId[id]!.paths[0]!;
      const want = linesOf(tarMember(SAMPLE, `${SOS_TOP}/${path}`));
      const got = captured.find((c) => c.source.artifact === id && c.source.path === path)!;
      expect(got.lines.map((l) => l.text)).toEqual(want);
      expect(got.lines.at(-1)?.no).toBe(want.length);
      expect(byId[id]!.bytes).toBe(Buffer.byteLength(tarMember(SAMPLE, `${SOS_TOP}/${path}`)));
    }
    // only the winners are returned
    expect(parsed.filter((p) => p.source.artifact === 'journal')).toHaveLength(1);
    const sosStart = JSON.parse(tarMember(SAMPLE, `${SOS_TOP}/sos_reports/manifest.json`)).start_time as string;
    expect(new Date(inventory.collectedAt!).toISOString().slice(0, 19)).toBe(sosStart.replace(' ', 'T').slice(0, 19));
  });
});

describe.skipIf(!haveTarXz || !has('ip', ['-V']) || !has('ipcs', ['-V']))('reader: a real bundle folder from this machine', () => {
  const t = tempDir('dpm-real-');
  const top = 'docker-postmortem-realhost-20261128T071812Z';
  const root = join(t.dir, top);
  const files: Record<string, Buffer> = {};
  beforeAll(() => {
    const env = { ...process.env, LC_ALL: 'C', TZ: 'UTC' };
    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { env });
    files['cmd/ipcs-s.txt'] = run('ipcs', ['-s']);
    files['cmd/ip-d-o-link.txt'] = run('ip', ['-d', '-o', 'link']);
    files['cmd/uname-a.txt'] = run('uname', ['-a']);
    files['files/proc/self/mountinfo'] = readFileSync('/proc/self/mountinfo');
    files['files/proc/sys/kernel/sem'] = readFileSync('/proc/sys/kernel/sem');
    for (const [p, data] of Object.entries(files)) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), data);
    }
    const ids: Record<string, string> = {
      'cmd/ipcs-s.txt': 'ipcs.sem',
      'cmd/ip-d-o-link.txt': 'ip.link',
      'cmd/uname-a.txt': 'uname',
      'files/proc/self/mountinfo': 'mountinfo',
      'files/proc/sys/kernel/sem': 'kernel.sem',
    };
    const manifest = {
      format: 'docker-postmortem-bundle',
      formatVersion: 1,
      collector: { name: 'docker-postmortem-collect', version: '0.1.0' },
      host: 'realhost',
      collectedAt: '2026-11-28T07:18:12Z',
      utcOffset: '+0000',
      asRoot: true,
      items: Object.entries(ids).map(([path, id]) => ({ id, kind: path.startsWith('cmd/') ? 'command' : 'file', path, exitCode: 0, bytes: files[path]!.length, truncated: false, timedOut: false, skipped: false, skipReason: null, error: null })),
    };
    writeFileSync(join(root, 'manifest.json'), JSON.stringify(manifest, null, 2));
    execFileSync('tar', ['-czf', join(t.dir, `${top}.tar.gz`), '-C', t.dir, top]);
    execFileSync('tar', ['-cJf', join(t.dir, `${top}.tar.xz`), '-C', t.dir, top]);
  });
  afterAll(() => t.cleanup());

  const forms = [['folder'], ['tar.gz'], ['tar.xz', 'system'], ['tar.xz', 'wasm']] as const;
  for (const [form, xzDecoder] of forms) {
    it(`reads it as ${form}${xzDecoder ? ` (${xzDecoder} xz decoder)` : ''}: every line of every file, health from the manifest`, async () => {
      const input = form === 'folder' ? root : join(t.dir, `${top}.${form}`);
      const { captured, sinkFor } = recordingSinks();
      const { inventory } = await scanBundle(input, { sinkFor, xzDecoder });
      expect(inventory).toMatchObject({ format: form === 'folder' ? 'directory' : form, layout: 'docker-postmortem', host: 'realhost', hostUtcOffsetMinutes: 0, problems: [] });
      for (const [p, data] of Object.entries(files)) {
        const c = captured.find((x) => x.source.path === p);
        expect(c, p).toBeDefined();
        expect(c!.lines.map((l) => l.text)).toEqual(linesOf(data.toString('utf8')));
        expect(c!.source.bytes).toBe(data.length);
        const h = inventory.artifacts.find((a) => a.artifact === c!.source.artifact)!;
        expect(h).toMatchObject({ state: data.length ? 'present' : 'empty', paths: [p], bytes: data.length });
      }
    });
  }
});
