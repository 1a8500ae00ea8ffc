/**
 * Hostile and broken inputs: each must end with a clear result (an inventory with problems, or one
 * BundleUnreadableError line), never an uncaught exception, and nothing may be written to disk.
 * Archives are built here with tar-stream + zlib; the limits are lowered so the bombs stay fast.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BundleUnreadableError, scanBundle } from '../../analyzer/src/spine/reader.js';
import { openTar } from '../../analyzer/src/spine/tar-source.js';
import { mulberry32 } from '../helpers/prng.js';
import { recordingSinks, snapshot, tarBuffer, tempDir, tgzBuffer, ustarHeader, writeTemp } from './helpers.js';

const TOP = 'docker-postmortem-node1-20261128T071812Z';
const IPCS = '\n------ Semaphore Arrays --------\nkey        semid      owner      perms      nsems     \n0x0d4d1234 6          root       600        1         \n';

const haveXz = (() => {
  try {
    execFileSync('xz', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const haveMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Child processes of this test process named xz (running or zombie), from /proc. */
function xzChildren(): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces, so split after the last ')'
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (comm === 'xz' && Number(ppid) === process.pid) out.push(`${pid} ${state}`);
    } catch {
      /* gone between the listing and the read */
    }
  }
  return out;
}

let work: ReturnType<typeof tempDir>;
let cwd: ReturnType<typeof tempDir>;
const origCwd = process.cwd();

// Stream errors nobody listened to surface as uncaught exceptions / unhandled rejections.
const stray: unknown[] = [];
const onStray = (e: unknown) => void stray.push(e);

beforeAll(() => {
  // Run from an empty directory: anything the reader extracted would show up here.
  cwd = tempDir('dpm-cwd-');
  process.chdir(cwd.dir);
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
});
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 200)); // late 'error' events of destroyed streams
  process.off('uncaughtException', onStray);
  process.off('unhandledRejection', onStray);
  process.chdir(origCwd);
  cwd.cleanup();
  expect(stray).toEqual([]);
});
beforeEach(() => {
  work = tempDir();
});
afterEach(() => {
  expect(stray).toEqual([]);
  expect(snapshot(cwd.dir)).toEqual([]);
  work.cleanup();
});

/** Scan and prove the work dir only holds what the test put there. */
async function scanChecked(path: string, opts: Parameters<typeof scanBundle>[1] = {}) {
  const before = snapshot(work.dir);
  try {
    return await scanBundle(path, opts);
  } finally {
    expect(snapshot(work.dir)).toEqual(before);
  }
}

async function unreadable(path: string): Promise<string> {
  const before = snapshot(work.dir);
  const err = await scanBundle(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(snapshot(work.dir)).toEqual(before);
  expect(err).toBeInstanceOf(BundleUnreadableError);
  const msg = (err as Error).message;
  expect(msg).not.toContain('\n'); // one clear line
  return msg;
}

describe('reader: hostile archives', () => {
  it('refuses `..` members and records them; nothing lands outside', async () => {
    const p = writeTemp(
      work.dir,
      'b.tgz',
      await tgzBuffer([
        { name: `${TOP}/cmd/ipcs-s.txt`, content: IPCS },
        { name: `${TOP}/../../evil-dpm.txt`, content: 'pwned' },
        { name: '../cmd/uname-a.txt', content: 'Linux evil' },
        { name: `${TOP}/cmd/../cmd/hostname.txt`, content: 'node1\n' }, // stays inside: normalised
      ]),
    );
    const { captured, sinkFor } = recordingSinks();
    const { inventory } = await scanChecked(p, { sinkFor });
    const trav = inventory.problems.filter((x) => x.kind === 'path-traversal');
    expect(trav.map((x) => x.path)).toEqual([`${TOP}/../../evil-dpm.txt`, '../cmd/uname-a.txt']);
    expect(captured.map((c) => c.source.path).sort()).toEqual(['cmd/hostname.txt', 'cmd/ipcs-s.txt']);
    expect(inventory.artifacts.find((a) => a.artifact === 'uname')?.state).toBe('missing');
    expect(existsSync(join(work.dir, '..', 'evil-dpm.txt'))).toBe(false);
  });

  it('normalises absolute names and records them', async () => {
    const p = writeTemp(work.dir, 'b.tar', await tarBuffer([{ name: '/cmd/ipcs-s.txt', content: IPCS }, { name: '/cmd/uname-a.txt', content: 'Linux x 6.1.0\n' }]));
    const { captured, sinkFor } = recordingSinks();
    const { inventory } = await scanChecked(p, { sinkFor });
    expect(inventory.problems.filter((x) => x.kind === 'absolute-path').map((x) => x.path)).toEqual(['/cmd/ipcs-s.txt', '/cmd/uname-a.txt']);
    expect(captured.map((c) => c.source.path)).toEqual(['cmd/ipcs-s.txt', 'cmd/uname-a.txt']);
    expect(inventory.topFolder).toBeUndefined();
  });

  it('records symlinks out of the bundle and never follows them', async () => {
    const p = writeTemp(
      work.dir,
      'b.tgz',
      await tgzBuffer([
        { name: `${TOP}/cmd/uname-a.txt`, content: 'Linux node1\n' },
        { name: `${TOP}/cmd/ipcs-s.txt`, type: 'symlink', linkname: '/etc/passwd' },
        { name: `${TOP}/files/proc/sys/kernel/sem`, type: 'symlink', linkname: '../../../../../../etc/shadow' },
        { name: `${TOP}/files/etc/os-release`, type: 'symlink', linkname: '../usr/lib/os-release' }, // inside
      ]),
    );
    const { captured, sinkFor } = recordingSinks();
    const { inventory } = await scanChecked(p, { sinkFor });
    expect(inventory.problems.filter((x) => x.kind === 'symlink').map((x) => x.path)).toEqual([`${TOP}/cmd/ipcs-s.txt`, `${TOP}/files/proc/sys/kernel/sem`]);
    expect(inventory.links).toContainEqual({ path: 'files/etc/os-release', target: '../usr/lib/os-release', inside: true });
    expect(captured.map((c) => c.source.artifact)).toEqual(['uname']);
    for (const id of ['ipcs.sem', 'kernel.sem']) expect(inventory.artifacts.find((a) => a.artifact === id)?.state).toBe('missing');
  });

  it('records hard links, FIFOs and devices without reading them', async () => {
    const p = writeTemp(
      work.dir,
      'b.tgz',
      await tgzBuffer([
        { name: `${TOP}/cmd/uname-a.txt`, content: 'Linux node1\n' },
        { name: `${TOP}/cmd/ipcs-s.txt`, type: 'link', linkname: '/etc/passwd' },
        { name: `${TOP}/cmd/dmesg.txt`, type: 'fifo' },
        { name: `${TOP}/cmd/ps.txt`, type: 'character-device' },
      ]),
    );
    const { captured, sinkFor } = recordingSinks();
    const { inventory } = await scanChecked(p, { sinkFor });
    expect(inventory.problems.map((x) => x.kind)).toEqual(['hardlink', 'device', 'device']);
    expect(captured.map((c) => c.source.artifact)).toEqual(['uname']);
  });

  it('keeps the first of two members with the same name', async () => {
    const p = writeTemp(
      work.dir,
      'b.tgz',
      await tgzBuffer([
        { name: `${TOP}/cmd/hostname.txt`, content: 'first\n' },
        { name: `${TOP}/cmd/hostname.txt`, content: 'second\n' },
      ]),
    );
    const { captured, sinkFor } = recordingSinks();
    const { inventory } = await scanChecked(p, { sinkFor });
    expect(captured).toHaveLength(1);
    expect(captured[0]!.lines.map((l) => l.text)).toEqual(['first']);
    expect(inventory.problems).toEqual([expect.objectContaining({ kind: 'duplicate', path: `${TOP}/cmd/hostname.txt` })]);
  });

  it('gzip bomb: a 4 GiB member stops at maxTotalBytes, fast, with a problem', async () => {
    // A gzip file may hold several members back to back; 256 copies of gzip(16 MiB of zeros) make a
    // ~4 MB file that inflates to 4 GiB without the test ever holding or deflating 4 GiB.
    const zeros = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const parts = [gzipSync(ustarHeader(`${TOP}/cmd/journal.json`, 4 * 1024 ** 3))];
    for (let i = 0; i < 256; i++) parts.push(zeros);
    parts.push(gzipSync(Buffer.alloc(1024)));
    const p = writeTemp(work.dir, 'bomb.tgz', Buffer.concat(parts));
    const t0 = Date.now();
    const { captured, sinkFor } = recordingSinks(true);
    const { inventory, parsed } = await scanChecked(p, { sinkFor, limits: { maxTotalBytes: 64 * 1024 ** 2, maxEntryBytes: 8 * 1024 ** 2 } });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(inventory.problems.map((x) => x.kind).sort()).toEqual(['entry-too-large', 'line-too-long', 'total-too-large']);
    expect(inventory.bytesRead).toBeGreaterThan(64 * 1024 ** 2);
    expect(inventory.bytesRead).toBeLessThan(64 * 1024 ** 2 + 2 * 1024 ** 2);
    expect(inventory.incomplete).toBe(true);
    expect(captured[0]!.finished).toBe(true);
    expect(parsed[0]!.source).toMatchObject({ artifact: 'journal', bytes: 8 * 1024 ** 2, truncated: true });
    expect(inventory.artifacts.find((a) => a.artifact === 'journal')?.state).toBe('truncated');
  });

  it('truncated gzip: returns what was readable plus one truncated-archive problem', async () => {
    // incompressible journal so the cut lands inside it
    const rand = mulberry32(4000); // seeded: where the cut lands must not change from run to run
    const journal = Array.from({ length: 4000 }, (_, i) => JSON.stringify({ MESSAGE: `line ${i} ${rand().toString(36).repeat(4)}` })).join('\n') + '\n';
    const full = await tgzBuffer([
      { name: `${TOP}/cmd/ipcs-s.txt`, content: IPCS },
      { name: `${TOP}/cmd/journal.json`, content: journal },
      { name: `${TOP}/cmd/uname-a.txt`, content: 'Linux node1\n' },
    ]);
    const p = writeTemp(work.dir, 'cut.tgz', full.subarray(0, Math.floor(full.length * 0.6)));
    const { captured, sinkFor } = recordingSinks();
    const { inventory } = await scanChecked(p, { sinkFor });
    expect(inventory.problems).toEqual([expect.objectContaining({ kind: 'truncated-archive' })]);
    expect(inventory.problems[0]!.message).toMatch(/gzip stream ends early/);
    const byId = Object.fromEntries(inventory.artifacts.map((a) => [a.artifact, a]));
    expect(byId['ipcs.sem']!.state).toBe('present');
    expect(byId['journal']!.state).toBe('truncated');
    expect(byId['uname']!.state).toBe('missing');
    const j = captured.find((c) => c.source.artifact === 'journal')!;
    expect(j.finished).toBe(true);
    expect(j.lines.length).toBeGreaterThan(100);
    expect(j.lines.length).toBeLessThan(4000);
  });

  it('a truncated plain tar also ends with truncated-archive', async () => {
    const full = await tarBuffer([
      { name: `${TOP}/cmd/ipcs-s.txt`, content: IPCS },
      { name: `${TOP}/cmd/dmesg.txt`, content: 'x'.repeat(5000) },
    ]);
    const p = writeTemp(work.dir, 'cut.tar', full.subarray(0, 512 * 4));
    const { inventory } = await scanChecked(p);
    expect(inventory.problems.map((x) => x.kind)).toEqual(['truncated-archive']);
    expect(inventory.artifacts.find((a) => a.artifact === 'dmesg')?.state).toBe('truncated');
  });

  it('ignores what follows the end-of-archive marker (GNU tar does too); flags a tar cut at a member boundary', async () => {
    const tar = await tarBuffer([{ name: `${TOP}/cmd/ipcs-s.txt`, content: IPCS }, { name: `${TOP}/cmd/uname-a.txt`, content: 'Linux node1\n' }]);
    const garbage = writeTemp(work.dir, 'g.tar', Buffer.concat([tar, Buffer.from('not a tar header '.repeat(100))]));
    const g = await scanChecked(garbage);
    expect(g.inventory.problems).toEqual([]);
    expect(g.inventory.artifacts.find((a) => a.artifact === 'uname')?.state).toBe('present');
    const padded = writeTemp(work.dir, 'p.tgz', Buffer.concat([gzipSync(tar), Buffer.alloc(8192)])); // zero padding after gzip
    expect((await scanChecked(padded)).inventory.problems).toEqual([]);
    // 512 header + 512 data per member: cut right after the second member, before the zero blocks
    const cut = writeTemp(work.dir, 'c.tar', tar.subarray(0, 4 * 512));
    const c = await scanChecked(cut);
    expect(c.inventory.problems).toEqual([expect.objectContaining({ kind: 'truncated-archive', message: expect.stringMatching(/no end-of-archive marker/) })]);
    expect(c.inventory.artifacts.find((a) => a.artifact === 'uname')?.state).toBe('present');
  });

  // Both xz decoders (the spawned `xz -dc` and the WASM fallback) must behave the same way.
  for (const xzDecoder of ['system', 'wasm'] as const) {
    it.skipIf(!haveXz)(`truncated or corrupt xz ends with one problem and does not block the next xz scan (${xzDecoder} decoder; needs xz)`, async () => {
      const rand = mulberry32(20000); // seeded: where the cut lands must not change from run to run
      const tar = await tarBuffer([
        { name: `${TOP}/cmd/ipcs-s.txt`, content: IPCS },
        { name: `${TOP}/cmd/journal.json`, content: Array.from({ length: 20000 }, (_, i) => `{"MESSAGE":"${i} ${rand()}"}`).join('\n') },
      ]);
      const xz = execFileSync('xz', ['-c', '-1'], { input: tar, maxBuffer: 1 << 26 });
      const cut = writeTemp(work.dir, 'cut.tar.xz', xz.subarray(0, Math.floor(xz.length * 0.5)));
      const probe = await openTar(cut, 'tar.xz', { xz: xzDecoder }); // the decoder asked for is the one that runs
      expect(probe.xzDecoder).toBe(xzDecoder);
      probe.close();
      const r1 = await scanChecked(cut, { xzDecoder });
      expect(r1.inventory.format).toBe('tar.xz');
      expect(r1.inventory.problems).toEqual([expect.objectContaining({ kind: 'truncated-archive', message: expect.stringMatching(/^(the xz stream ends early|corrupt or truncated xz data)/) })]);
      expect(r1.inventory.artifacts.find((a) => a.artifact === 'ipcs.sem')?.state).toBe('present');
      // The journal was cut mid-way: what was decoded before the cut was read, and marked truncated.
      const journal = r1.inventory.artifacts.find((a) => a.artifact === 'journal');
      expect(journal?.state).toBe('truncated');
      // garbage inside the xz stream
      const bad = Buffer.from(xz);
      for (let i = 200; i < bad.length - 100; i += 97) bad[i] ^= 0x5a;
      const badPath = writeTemp(work.dir, 'bad.tar.xz', bad);
      const badScan = await scanChecked(badPath, { xzDecoder }).catch((e: unknown) => e as Error);
      if (badScan instanceof Error) expect(badScan).toBeInstanceOf(BundleUnreadableError);
      else expect(badScan.inventory.problems.map((x) => x.kind)).toEqual(['truncated-archive']);
      // A stopped scan must release its decoder (WASM mutex, xz child): a leak would hang the scans below
      const ok = writeTemp(work.dir, 'ok.tar.xz', xz);
      const stopped = await scanChecked(ok, { limits: { maxTotalBytes: 64 * 1024 }, xzDecoder }); // stops mid-member
      expect(stopped.inventory.problems.map((x) => x.kind)).toEqual(['total-too-large']);
      const few = await scanChecked(ok, { limits: { maxEntries: 1 }, xzDecoder });
      expect(few.inventory.problems.map((x) => x.kind)).toEqual(['too-many-entries']);
      const r2 = await scanChecked(ok, { xzDecoder });
      expect(r2.inventory.problems).toEqual([]);
      expect(r2.inventory.artifacts.find((a) => a.artifact === 'journal')?.state).toBe('present');
      // No xz child outlives its scan, not even as a zombie (fails if one is still there after 10 s).
      const deadline = Date.now() + 10_000;
      while (xzChildren().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(xzChildren()).toEqual([]);
    });
  }

  it.skipIf(!haveXz)('hashes the archive in the same pass, also when the pass stops early (sha256 of the file)', async () => {
    const tar = await tarBuffer([{ name: `${TOP}/cmd/ipcs-s.txt`, content: IPCS }]);
    // trailing bytes after the end marker: the pass stops at the marker, the hash must still cover them
    const file = writeTemp(work.dir, 'h.tar', Buffer.concat([tar, Buffer.alloc(3 << 20, 7)]));
    const expected = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect((await scanChecked(file, { hashInput: true })).sha256).toBe(expected);
    const xzFile = writeTemp(work.dir, 'h.tar.xz', execFileSync('xz', ['-c', '-1'], { input: tar }));
    const xzExpected = createHash('sha256').update(readFileSync(xzFile)).digest('hex');
    for (const xzDecoder of ['system', 'wasm'] as const) expect((await scanChecked(xzFile, { hashInput: true, xzDecoder })).sha256).toBe(xzExpected);
    expect((await scanChecked(file)).sha256).toBeUndefined();
  });

  it('wrong magic, empty file, missing path, bzip2 and gzip-without-tar are one clear line each', async () => {
    expect(await unreadable(writeTemp(work.dir, 'x.tar.gz', 'this is a text file, not a bundle\n'))).toMatch(/not a bundle/);
    expect(await unreadable(writeTemp(work.dir, 'empty.tgz', ''))).toBe('empty file');
    expect(await unreadable(join(work.dir, 'does-not-exist.tgz'))).toBe('not found');
    expect(await unreadable(writeTemp(work.dir, 'x.tar.bz2', Buffer.from('BZh91AY&SY\x00\x00', 'latin1')))).toMatch(/bzip2.*not supported, unpack it first/);
    expect(await unreadable(writeTemp(work.dir, 'log.gz', gzipSync('just a log line\n'.repeat(100))))).toMatch(/gzip-compressed file, but nothing could be read/);
    expect(await unreadable(writeTemp(work.dir, 'zeros.tar', Buffer.alloc(10240)))).toMatch(/not a bundle/);
  });

  it('100,000 tiny entries are all read; maxEntries stops a flood with a problem', async () => {
    // raw ustar blocks: tar-stream's packer would take longer than the scan itself
    const blocks: Buffer[] = [];
    for (let i = 0; i < 100_000; i++) {
      const data = Buffer.from(`Semaphore Array semid=${i}\n`);
      blocks.push(ustarHeader(`${TOP}/cmd/ipcs-s-i/${i}.txt`, data.length), data, Buffer.alloc(512 - data.length));
    }
    blocks.push(Buffer.alloc(1024));
    const p = writeTemp(work.dir, 'many.tgz', gzipSync(Buffer.concat(blocks), { level: 1 }));
    const { captured, sinkFor } = recordingSinks(true);
    const all = await scanChecked(p, { sinkFor });
    expect(all.inventory.members).toBe(100_000);
    expect(all.inventory.problems).toEqual([]);
    expect(all.parsed).toHaveLength(100_000);
    expect(captured.every((c) => c.finished)).toBe(true);
    const capped = await scanChecked(p, { limits: { maxEntries: 1000 } });
    expect(capped.inventory.members).toBe(1000);
    expect(capped.inventory.problems.map((x) => x.kind)).toEqual(['too-many-entries']);
  }, 180_000); // ~10 s idle; CI machines running the lab tests in parallel are slower

  it('a 50 MB single line is cut at maxLineLength and flagged; the next line is intact', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const p = writeTemp(work.dir, 'longline.tar', await tarBuffer([{ name: `${TOP}/cmd/dmesg.txt`, content: Buffer.concat([big, Buffer.from('\n[    1.000000] next line\n')]) }]));
    const lines: { no: number; len: number; cut?: boolean; text?: string }[] = [];
    const { inventory } = await scanChecked(p, {
      sinkFor: () => ({
        push: (l) => void lines.push({ no: l.no, len: l.text.length, cut: l.cut, text: l.text.length < 100 ? l.text : undefined }),
        finish: () => ({ status: 'ok', value: null, problems: [] }),
      }),
    });
    expect(lines).toEqual([
      { no: 1, len: 64 * 1024, cut: true, text: undefined },
      { no: 2, len: 24, cut: undefined, text: '[    1.000000] next line' },
    ]);
    expect(inventory.problems).toEqual([expect.objectContaining({ kind: 'line-too-long', path: `${TOP}/cmd/dmesg.txt` })]);
    expect(inventory.artifacts.find((a) => a.artifact === 'dmesg')).toMatchObject({ state: 'present', bytes: big.length + 26 });
  });

  it('non-UTF-8 bytes become U+FFFD, nothing throws', async () => {
    const content = Buffer.concat([Buffer.from('Nov 28 07:18:12 node1 dockerd[1]: caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from(' ok\n')]);
    const p = writeTemp(work.dir, 'latin.tgz', await tgzBuffer([{ name: `${TOP}/cmd/dmesg.txt`, content }]));
    const { captured, sinkFor } = recordingSinks();
    await scanChecked(p, { sinkFor });
    expect(captured[0]!.lines).toEqual([{ no: 1, text: 'Nov 28 07:18:12 node1 dockerd[1]: caf\ufffd\ufffd\ufffd ok' }]);
  });

  it('a sink with pushBytes gets each line with the bytes it was decoded from, valid during the call', async () => {
    const long = 'x'.repeat(70 * 1024); // cut at 64 KiB: the bytes are the cut's, ending on a character boundary
    const content = Buffer.concat([
      Buffer.from('Nov 28 07:18:12 node1 dockerd[1]: crlf\r\n'),
      Buffer.from('caf'),
      Buffer.from([0xe9, 0xff]),
      Buffer.from(' 容器 ok\n'),
      Buffer.from('é'.repeat(10) + long + '\n'),
      Buffer.from('last line without LF'),
    ]);
    const p = writeTemp(work.dir, 'bytes.tgz', await tgzBuffer([{ name: `${TOP}/cmd/dmesg.txt`, content }]));
    const seen: { no: number; text: string; bytes: string; cut: boolean }[] = [];
    await scanChecked(p, {
      sinkFor: () => ({
        push: () => {
          throw new Error('push called although the sink has pushBytes');
        },
        pushBytes(line, bytes, start, end) {
          // decoded now, during the call: the reader may reuse the buffer afterwards
          seen.push({ no: line.no, text: line.text, bytes: new TextDecoder().decode(bytes.subarray(start, end)), cut: line.cut === true });
        },
        finish: () => ({ status: 'ok', value: 0, problems: [] }),
      }),
    });
    expect(seen.map((l) => [l.no, l.cut])).toEqual([[1, false], [2, false], [3, true], [4, false]]);
    for (const l of seen) expect(l.bytes, `line ${l.no}`).toBe(l.text);
    expect(seen[0]!.text).toBe('Nov 28 07:18:12 node1 dockerd[1]: crlf');
    expect(seen[1]!.text).toBe('caf\ufffd\ufffd 容器 ok');
  });

  it('a parser that throws is contained: its result is malformed, the scan goes on', async () => {
    const p = writeTemp(work.dir, 'b.tgz', await tgzBuffer([{ name: `${TOP}/cmd/ipcs-s.txt`, content: IPCS }, { name: `${TOP}/cmd/uname-a.txt`, content: 'Linux\n' }]));
    const { parsed } = await scanChecked(p, {
      sinkFor: (s) => ({
        push: () => {
          if (s.artifact === 'ipcs.sem') throw new Error('boom');
        },
        finish: () => ({ status: 'ok', value: 1, problems: [] }),
      }),
    });
    expect(parsed.find((x) => x.source.artifact === 'ipcs.sem')?.result).toMatchObject({ status: 'malformed', reason: expect.stringContaining('boom') });
    expect(parsed.find((x) => x.source.artifact === 'uname')?.result.status).toBe('ok');
  });
});

describe('reader: hostile folders', () => {
  it('never follows a symlink out of the folder (file or directory) and never opens a FIFO', async () => {
    const outside = join(work.dir, 'outside');
    mkdirSync(join(outside, 'proc'), { recursive: true });
    writeFileSync(join(outside, 'secret.txt'), 'SECRET\n');
    writeFileSync(join(outside, 'proc', 'mountinfo'), 'SECRET mountinfo\n');
    const b = join(work.dir, TOP);
    mkdirSync(join(b, 'cmd'), { recursive: true });
    mkdirSync(join(b, 'files', 'proc'), { recursive: true });
    writeFileSync(join(b, 'cmd', 'uname-a.txt'), 'Linux node1\n');
    symlinkSync(join(outside, 'secret.txt'), join(b, 'cmd', 'ipcs-s.txt'));
    symlinkSync('../../../outside/proc', join(b, 'files', 'proc', 'self')); // a directory link
    if (haveMkfifo) execFileSync('mkfifo', [join(b, 'cmd', 'dmesg.txt')]);
    const { captured, sinkFor } = recordingSinks();
    const { inventory } = await scanChecked(b, { sinkFor });
    expect(inventory.format).toBe('directory');
    expect(captured.map((c) => c.source.artifact)).toEqual(['uname']);
    expect(captured.flatMap((c) => c.lines.map((l) => l.text)).join()).not.toContain('SECRET');
    expect(inventory.problems.filter((x) => x.kind === 'symlink').map((x) => x.path).sort()).toEqual(['cmd/ipcs-s.txt', 'files/proc/self']);
    if (haveMkfifo) expect(inventory.problems).toContainEqual(expect.objectContaining({ kind: 'device', path: 'cmd/dmesg.txt' }));
    expect(inventory.artifacts.find((a) => a.artifact === 'mountinfo')?.state).toBe('missing');
  });

  it('an empty folder is unreadable with one line', async () => {
    const d = join(work.dir, 'empty');
    mkdirSync(d);
    expect(await unreadable(d)).toMatch(/folder with nothing in it/);
  });
});
