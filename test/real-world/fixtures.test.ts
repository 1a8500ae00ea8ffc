/**
 * Real-world fixtures (issue 13): every line in test/fixtures/real-world/<rule-id>/ was pasted by a
 * user into a public thread (provenance in cases.json and the READMEs). Each case is laid out as a
 * loose folder at our bundle paths (or as a sosreport when the case names a sos path), read by the
 * real bundle reader and parsers, modelled, and judged by the folder's rule (a case with
 * `"layout": "sosreport"` and no sos_commands/ file is marked by a sos 3.x `version.txt`, so that
 * files at sos's copied-file paths such as `etc/systemd/system/docker.service` are read):
 *
 * - expect "fire": the folder's rule reports a finding;
 * - expect "silent": the rule reports nothing at warning or above (a trap: a real near miss);
 * - expect "parse" (the _formats folder): the text parses (see below), no rule is asked;
 * - `knownGap` (with its reason) on a "fire" case: the analyzer does not find it yet, and the test
 *   asserts exactly that, so fixing the gap turns the test red until the field is removed. The
 *   cases.json files hold no hand-typed "fires now" flag: this test is the measurement.
 *
 * Every journal/syslog/dmesg text, whatever the expectation, must parse with no "unrecognised line"
 * (or orphan continuation) problem on a line that carries a time of day: a locale, a syslog variant
 * or a layout the parser does not know must not silently drop evidence.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parserFor } from '../../analyzer/src/parsers/index.js';
// The rule registry first: analyze.js → engine.js → rules form an import cycle entered from the rules side.
import { RULES } from '../../analyzer/src/rules/index.js';
import { analyzeParsed } from '../../analyzer/src/analyze.js';
import { severityRank } from '../../analyzer/src/rules/types.js';
import { artifactSpec, toArtifactId } from '../../analyzer/src/spine/artifacts.js';
import { scanBundle } from '../../analyzer/src/spine/reader.js';

const ROOT = resolve(import.meta.dirname, '../fixtures/real-world');
const LOG_ARTIFACTS = new Set(['journal', 'journal.previous-boot', 'journal.docker', 'journal.containerd', 'syslog', 'dmesg']);

interface FileRef {
  file: string;
  artifact: string;
  at?: string;
}
interface Case extends FileRef {
  expect: 'fire' | 'silent' | 'parse';
  source: string;
  /** Lay the case out as a sosreport even when no file sits under sos_commands/. */
  layout?: 'sosreport';
  /** Why the rule does not fire on this positive yet. */
  knownGap?: string;
  with?: FileRef[];
  extra?: FileRef[];
}

const folders = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A concrete member path for a registry pattern (`messages*` → `messages`, `*.conf` → `case.conf`). */
const concrete = (pattern: string): string => pattern.replace(/\/\*\*\//g, '/').replace(/\/\*(?=\.)/g, '/case').replace(/\*/g, '');

/** Where one file goes: its own `at`, else the artifact's first path in the chosen layout. */
function placeOf(ref: FileRef, sos: boolean): string {
  if (ref.at) return ref.at;
  const spec = artifactSpec(toArtifactId(ref.artifact));
  const paths = sos && spec.sos.length ? spec.sos : spec.bundle.length ? spec.bundle : spec.sos;
  return concrete(paths[0]!);
}

/** A line with a time of day near its start: a record the parser must read, not drop. */
const TIMESTAMPED = /^.{0,48}?\d{1,2}:\d\d:\d\d/u;
const DROPPED = /^(?:unrecognised line|continuation line without a record before it)$/;

async function runCase(folder: string, c: Case) {
  const refs = [c as FileRef, ...(c.with ?? []), ...(c.extra ?? [])];
  const sos = c.layout === 'sosreport' || refs.some((r) => r.at?.startsWith('sos_commands/'));
  const dir = mkdtempSync(join(tmpdir(), 'real-world-'));
  temps.push(dir);
  if (sos && !refs.some((r) => r.at?.startsWith('sos_commands/'))) writeFileSync(join(dir, 'version.txt'), 'sosreport: 3.9\n');
  for (const r of refs) {
    const dest = join(dir, placeOf(r, sos));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, readFileSync(join(ROOT, folder, r.file)));
  }
  const scan = await scanBundle(dir, { sinkFor: (source, ctx) => parserFor(source.artifact)?.create({ ...ctx }) });
  const rule = RULES.find((x) => x.meta.id === folder);
  const result = rule ? analyzeParsed(scan.parsed, scan.inventory, [rule]) : undefined;
  const dropped = scan.parsed
    .filter((p) => LOG_ARTIFACTS.has(p.source.artifact))
    .flatMap((p) => p.result.problems ?? [])
    .filter((p) => DROPPED.test(p.reason) && TIMESTAMPED.test(p.excerpt ?? ''))
    .map((p) => `${p.line}: ${p.reason}: ${p.excerpt}`);
  return { scan, result, dropped, laidOut: scan.parsed.map((p) => `${p.source.artifact} ← ${p.source.path}`) };
}

for (const folder of folders) {
  const cases = JSON.parse(readFileSync(join(ROOT, folder, 'cases.json'), 'utf8')) as Case[];
  describe(`real-world ${folder}`, () => {
    it('names a rule that exists (or is the _formats folder)', () => {
      if (folder !== '_formats') expect(RULES.map((r) => r.meta.id)).toContain(folder);
    });

    for (const c of cases) {
      it(`${c.knownGap ? 'known gap, ' : ''}${c.expect}: ${c.file} (${c.source})`, async () => {
        const { result, dropped, laidOut } = await runCase(folder, c);
        expect(laidOut.length, `the reader found the case's artifacts`).toBeGreaterThan(0);
        expect(dropped, 'timestamped lines read as records').toEqual([]);
        if (c.expect === 'parse') return;
        const findings = result!.findings.filter((f) => f.ruleId === folder);
        if (c.expect === 'fire' && c.knownGap) {
          expect(findings.map((f) => f.summary), `fires now: remove knownGap (${c.knownGap})`).toEqual([]);
        } else if (c.expect === 'fire') {
          expect(findings.length, `${folder} fires (laid out: ${laidOut.join(', ')})`).toBeGreaterThan(0);
        } else {
          const loud = findings.filter((f) => severityRank(f.severity) >= severityRank('warning'));
          expect(loud.map((f) => `${f.severity} ${f.messageId}: ${f.summary}`), `${folder} stays silent`).toEqual([]);
        }
      });
    }
  });
}
