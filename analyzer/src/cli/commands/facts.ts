/**
 * `facts <bundle> [--json] [--timeline]`: the host model without diagnosis. Scans the bundle with
 * every parser (the journal parsers match the whole event catalog, so the timeline shows what rules would see), builds the
 * model, and prints it: a text summary per section, the model as JSON, or the timeline one event
 * per line (`UTC time  category  label  artifact:line`).
 */
import type { Command } from 'commander';
import type { ParseContext } from '../../spine/types.js';
import type { HostModel, TimelineEvent } from '../../model/host-model.js';
import { EXIT, orUnreadable } from '../exit-codes.js';
import { safe, safeJson } from '../safe-text.js';
import { byCodeUnits } from '../../text-order.js';

export async function buildModel(bundle: string): Promise<HostModel> {
  const [{ analyzeParsed }, { parserFor }, { scanBundle }] = await Promise.all([
    import('../../analyze.js'),
    import('../../parsers/index.js'),
    import('../../spine/reader.js'),
  ]);
  const scan = await scanBundle(bundle, {
    sinkFor(source, ctx: ParseContext) {
      return parserFor(source.artifact)?.create({ sourceMtime: source.mtime, ...ctx });
    },
  });
  // No rules: the model only.
  return analyzeParsed(scan.parsed, scan.inventory, []).model;
}

const t = (ms: number | undefined): string => (ms === undefined || !Number.isFinite(ms) ? '-'.padEnd(24) : new Date(Math.floor(ms)).toISOString());

export function timelineLines(events: readonly TimelineEvent[]): string[] {
  return events.map((e) => `${t(e.time)}  ${e.category.padEnd(10)}  ${safe(e.label)}  ${e.evidence.artifact}:${e.evidence.line}`);
}

export function summaryLines(m: HostModel): string[] {
  const out: string[] = [];
  const c = m.collection;
  out.push(`collection: ${c.layout} ${safe(c.source)}${c.collectedAt ? ` collected ${t(c.collectedAt)}` : ''}`);
  const problems = Object.entries(c.parseProblems);
  if (problems.length) out.push(`  parse problems: ${problems.map(([a, p]) => `${a} ${p.length}`).join(', ')}`);

  out.push('', `boots (${m.boots.length}):`);
  for (const b of m.boots) {
    out.push(`  ${String(b.index).padStart(3)} ${b.bootId ?? '-'.padEnd(32)} ${t(b.firstEntry)} .. ${t(b.lastEntry)}  ${b.verdict.padEnd(7)} ${safe(b.reason)}`);
  }

  const j = m.journal;
  out.push('', `journal: ${j.available ? 'available' : 'not available'}${j.truncated ? ' (truncated)' : ''}  ${t(j.firstTime)} .. ${t(j.lastTime)}`);
  const kinds = Object.entries(j.eventCounts).sort((a, b) => byCodeUnits(a[0], b[0]));
  for (const [kind, n] of kinds) out.push(`  ${kind.padEnd(48)} ${String(n).padStart(7)}`);
  const units = Object.entries(j.recordsByUnit).sort((a, b) => b[1].count - a[1].count).slice(0, 15);
  if (units.length) out.push('  busiest units/idents:');
  for (const [u, v] of units) out.push(`    ${safe(u).padEnd(40)} ${String(v.count).padStart(8)}  ${t(v.first)} .. ${t(v.last)}`);

  out.push('', `lifecycle (${m.lifecycle.length}):`);
  for (const l of m.lifecycle.slice(-200)) {
    out.push(`  ${t(l.time)} ${String(l.bootIndex ?? '?').padStart(3)} ${l.actor.padEnd(18)} ${l.kind.padEnd(12)} ${safe(l.detail ?? '')}  ${l.evidence.artifact}:${l.evidence.line}`);
  }
  if (m.lifecycle.length > 200) out.push(`  (${m.lifecycle.length - 200} earlier events not shown; see --json)`);

  const a = m.audit;
  out.push('', `audit: ${a.available ? 'available' : 'not available'}  rules ${a.rules.length}, events ${a.totalEvents}, docker-path events kept ${a.events.length}`);
  for (const r of a.rules.filter((r) => r.watch)) out.push(`  watch ${safe(r.watch!.path)} -p ${r.watch!.perms ?? '?'} -k ${r.watch!.key ?? '-'}  ${r.evidence.artifact}:${r.evidence.line}`);
  for (const [k, v] of Object.entries(a.keyCounts).sort((x, y) => y[1].count - x[1].count).slice(0, 10)) {
    out.push(`  key ${safe(k).padEnd(20)} ${String(v.count).padStart(8)}  ${t(v.first)} .. ${t(v.last)}`);
  }
  out.push('', `timeline: ${m.timeline.length} events (--timeline to list)`);
  return out;
}

export function registerFacts(program: Command): void {
  program
    .command('facts')
    .description('print the host model built from a bundle (boots, journal, lifecycle, audit, …) without diagnosing')
    .argument('<bundle>', 'collector tarball, sosreport or folder')
    .option('--json', 'print the whole model as JSON')
    .option('--timeline', 'print the timeline, one event per line')
    .action(async (bundle: string, opts: { json?: boolean; timeline?: boolean }) => {
      let model: HostModel | undefined;
      await orUnreadable(bundle, async () => {
        model = await buildModel(bundle);
      });
      if (!model) return;
      const text = opts.json
        ? safeJson(JSON.stringify(opts.timeline ? model.timeline : model, null, 2)) + '\n'
        : (opts.timeline ? timelineLines(model.timeline) : summaryLines(model)).join('\n') + '\n';
      // Wait for the pipe to take it all: main() calls process.exit, which would cut a large JSON.
      await new Promise<void>((res) => process.stdout.write(text, () => res()));
    });
}
