/**
 * Floods through the real parsers, model, rules and report.json: a million veths on docker0, ten
 * million continuation lines after one `ip link` header, a million semaphores. Inputs are streamed
 * from generators (nothing on disk). Before the caps and linear checks: 200,000 veths took 30 s
 * and 1.3 GB, 10,000,000 continuation lines 756 MB, a million semaphores a 34–500 MB report.json.
 * Bounds are generous (5–10x what a loaded 2-core machine needs); they catch hangs, not speed.
 */
import { describe, expect, it } from 'vitest';
import { analyzeParsed, type AnalysisResult } from '../../analyzer/src/analyze.js';
import type { ParsedArtifact } from '../../analyzer/src/model/fact-store.js';
import { parserFor } from '../../analyzer/src/parsers/index.js';
import { MAX_LINKS, MAX_LINK_SEGMENTS } from '../../analyzer/src/parsers/ip-link.js';
import { MAX_IPCS_ROWS } from '../../analyzer/src/parsers/ipcs.js';
import { MAX_EVIDENCE_PER_FINDING } from '../../analyzer/src/rules/engine.js';
import { RULES } from '../../analyzer/src/rules/index.js';
import { ARTIFACTS } from '../../analyzer/src/spine/artifacts.js';
import type { BundleInventory } from '../../analyzer/src/spine/reader.js';
import { MAX_REPORT_MODEL_LIST, renderJson } from '../../reports/json.js';

const BOUND_MS = 60_000;
/** The vitest default (30 s) would cut a run off before BOUND_MS could judge it: give each test room past the bound. */
const FLOOD_TIMEOUT = { timeout: 2 * BOUND_MS };
const MAX_REPORT_BYTES = 50 * 2 ** 20;

const hex7 = (i: number) => i.toString(16).padStart(7, '0');

/** Streams each artifact's lines into its real parser, then runs the model, every rule and report.json. */
async function analyzeStreams(streams: Record<string, () => Iterable<string>>): Promise<{ result: AnalysisResult; json: string; ms: number }> {
  const t0 = performance.now();
  const parsed: ParsedArtifact[] = [];
  for (const [artifact, lines] of Object.entries(streams)) {
    const sink = parserFor(artifact)!.create({ artifact: artifact as never, path: `cmd/${artifact}` });
    let no = 0;
    for (const text of lines()) sink.push({ no: ++no, text });
    parsed.push({ source: { artifact: artifact as never, path: `cmd/${artifact}`, bytes: 0, truncated: false }, result: sink.finish() });
  }
  const inventory: BundleInventory = {
    input: 'flood',
    format: 'directory',
    layout: 'folder',
    members: 0,
    bytesRead: 0,
    artifacts: ARTIFACTS.map((a) => ({ artifact: a.id, state: a.id in streams ? 'present' : 'missing', paths: [], bytes: 0 })),
    problems: [],
  };
  const result = await analyzeParsed(parsed, inventory, RULES);
  const json = renderJson(result);
  return { result, json, ms: performance.now() - t0 };
}

describe('a million veths on docker0, both ends on the host', FLOOD_TIMEOUT, () => {
  const N = 1_000_000; // interfaces, N/2 pairs
  function* ipLink() {
    yield '2: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default\\    link/ether 0a:84:54:7a:d0:f2 brd ff:ff:ff:ff:ff:ff\\    bridge forward_delay 1500';
    for (let i = 0; i < N; i++) {
      yield `${i + 3}: veth${hex7(i)}@veth${hex7(i ^ 1)}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default qlen 1000\\    link/ether 22:1d:50:c6:30:b4 brd ff:ff:ff:ff:ff:ff\\    veth`;
    }
  }
  function* bridgeLink() {
    for (let i = 0; i < N; i++) yield `${i + 3}: veth${hex7(i)}@veth${hex7(i ^ 1)}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 `;
  }

  it('finishes, keeps the report small, and keeps the true interface count', async () => {
    const { result, json, ms } = await analyzeStreams({ 'ip.link': ipLink, 'bridge.link': bridgeLink, 'docker.ps': () => ['CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES'] });
    expect(ms).toBeLessThan(BOUND_MS);
    expect(json.length).toBeLessThan(MAX_REPORT_BYTES);
    // The model reads MAX_LINKS links and keeps the true total (docker0 + N veths).
    expect(result.model.links.length).toBe(MAX_LINKS);
    expect(result.model.linksTotal).toBe(N + 1);
    const f = result.findings.find((x) => x.ruleId === 'veth-leak' && x.messageId === 'orphanPairs');
    // Among the links read (docker0 + MAX_LINKS - 1 veths), every veth whose peer was also read is counted.
    const readVeths = MAX_LINKS - 1;
    const expectedPairs = readVeths - (readVeths % 2);
    expect(f?.data.count).toBe(expectedPairs);
    expect(f?.evidence.length).toBe(MAX_EVIDENCE_PER_FINDING);
    expect(f?.evidenceTotal).toBe(expectedPairs);
    expect(f?.explanation).toContain(`ip link listed ${N + 1} links`);
    // report.json lists at most MAX_REPORT_MODEL_LIST links and says how many there were.
    const report = JSON.parse(json) as { model: { links: unknown[] }; modelListsCut: Record<string, { kept: number; total: number }> };
    expect(report.model.links.length).toBe(MAX_REPORT_MODEL_LIST);
    expect(report.modelListsCut['links']).toEqual({ kept: MAX_REPORT_MODEL_LIST, total: MAX_LINKS });
  });

  it('counts every pair when the flood fits in MAX_LINKS (the check is linear)', async () => {
    const pairs = 20_000;
    const lines = function* () {
      for (let i = 0; i < 2 * pairs; i++) yield `${i + 3}: veth${hex7(i)}@veth${hex7(i ^ 1)}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state UP mode DEFAULT`;
    };
    const { result, ms } = await analyzeStreams({ 'ip.link': lines });
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result.model.linksTotal).toBeUndefined();
    const f = result.findings.find((x) => x.ruleId === 'veth-leak' && x.messageId === 'orphanPairs');
    expect(f?.data.count).toBe(2 * pairs);
    expect(f?.evidenceTotal).toBe(2 * pairs);
  });
});

describe('ten million continuation lines after one ip link header', FLOOD_TIMEOUT, () => {
  const N = 10_000_000;
  function* lines() {
    yield '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000';
    for (let i = 0; i < N; i++) yield '    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff';
  }

  it('keeps MAX_LINK_SEGMENTS of them and says how many were not read', async () => {
    const rssBefore = process.memoryUsage().rss;
    const { result, ms } = await analyzeStreams({ 'ip.link': lines });
    expect(ms).toBeLessThan(BOUND_MS);
    // The segments are not kept: memory grows by far less than the 500 MB of text streamed.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 2 ** 20);
    expect(result.model.links.map((l) => l.name)).toEqual(['eth0']);
    const problems = result.model.collection.parseProblems['ip.link'] ?? [];
    expect(problems.map((p) => p.reason)).toContain(`${N - (MAX_LINK_SEGMENTS - 1)} continuation lines beyond ${MAX_LINK_SEGMENTS} not read (limit MAX_LINK_SEGMENTS)`);
  });
});

describe('a million semaphores', FLOOD_TIMEOUT, () => {
  const N = 1_000_000;
  const COOKIES = 0x10000; // keys 0x0d4d0000–0x0d4dffff are devicemapper udev cookies
  function* ipcs() {
    yield '------ Semaphore Arrays --------';
    yield 'key        semid      owner      perms      nsems     ';
    for (let i = 0; i < N; i++) yield `0x${(0x0d4d0000 + i).toString(16).padStart(8, '0')} ${String(i).padEnd(10)} root       600        1         `;
  }

  it('keeps MAX_IPCS_ROWS rows, counts the rest, and writes a small report', async () => {
    const { result, json, ms } = await analyzeStreams({ 'ipcs.sem': ipcs });
    expect(ms).toBeLessThan(BOUND_MS);
    expect(json.length).toBeLessThan(MAX_REPORT_BYTES);
    expect(result.model.ipc.semaphores.length).toBe(MAX_IPCS_ROWS);
    expect(result.model.ipc.semaphores.length + (result.model.ipc.rowsNotRead ?? 0)).toBe(N);
    // All cookies are among the rows read (COOKIES < MAX_IPCS_ROWS); no ctime, no process: all leaked.
    const f = result.findings.find((x) => x.ruleId === 'semaphore-leak');
    expect(f?.data.leaked).toBe(COOKIES);
    expect(f?.evidence.length).toBe(MAX_EVIDENCE_PER_FINDING);
    expect(f?.evidenceTotal).toBe(COOKIES);
    const report = JSON.parse(json) as { modelListsCut: Record<string, { kept: number; total: number }> };
    expect(report.modelListsCut['ipc.semaphores']).toEqual({ kept: MAX_REPORT_MODEL_LIST, total: MAX_IPCS_ROWS });
  });
});
