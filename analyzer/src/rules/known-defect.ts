/**
 * known-defect: installed docker-engine / moby / containerd / runc versions inside the affected
 * range of a known defect or security advisory (analyzer/data/known-defects.json, plus team files
 * given with --known-defects). One finding per matched entry: "installed X, fixed in Y", citing
 * the `rpm -qa`, `dpkg -l` or `docker version` line the installed version came from.
 *
 * Integration points (kept small on purpose):
 * - `createKnownDefectRule(entries)` builds the rule over any entry list; the default export uses
 *   the shipped file. `rulesWithKnownDefects` (known-defects/rules.ts) swaps it in a rule list.
 * - `eventCount` reads how often an entry's event kinds (analyzer/src/events/) were seen.
 */
import { defineRule, type Rule } from './types.js';
import type { HostModel } from '../model/host-model.js';
import type { EventKind } from '../events/types.js';
import { BUILTIN_KNOWN_DEFECTS } from '../known-defects/load.js';
import { matchKnownDefects } from '../known-defects/match.js';
import type { KnownDefect } from '../known-defects/types.js';

export const KNOWN_DEFECT_RULE_ID = 'known-defect';

/** Event-kind counts from the model: an entry's kinds seen in the logs strengthen its match. */
function eventCount(model: Readonly<HostModel>) {
  return (kind: string): number | undefined => model.journal.eventCounts[kind as EventKind];
}

export function createKnownDefectRule(entries: readonly KnownDefect[]): Rule<'affected' | 'affectedNoFix'> {
  return defineRule({
    meta: {
      id: KNOWN_DEFECT_RULE_ID,
      title: 'Installed version has a known defect or security advisory',
      category: 'packaging',
      severity: 'warning',
      requires: ['rpm.qa', 'dpkg.l', 'docker.version', 'docker.info'],
      essential: ['rpm.qa', 'dpkg.l', 'docker.version', 'docker.info'],
      explanation:
        'The installed engine, containerd or runc version lies inside the affected range of a known defect or security advisory ' +
        '(docs/known-defects.md). Ranges are compared with each package system\'s own rules: rpm epoch:version-release with ' +
        "openEuler dist tags, dpkg, and Go/semver for the versions docker version prints. A distribution package's own range " +
        'decides over the upstream version it reports, because distributions backport fixes without changing that version.',
      guideSection: 'Installation and Deployment › Precautions (versions); known-defect data',
      messages: {
        affected: '{{title}} ({{entry}}): installed {{package}} {{installed}}, fixed in {{fixed}}',
        affectedNoFix: '{{title}} ({{entry}}): installed {{package}} {{installed}}, no fixed version listed',
      },
      remediation: [
        {
          kind: 'fix',
          risk: { restart: true, dataLoss: false, reversible: true },
          text: 'Upgrade the package named in the finding to the fixed version or later, then restart the daemon (and the containers, when the advisory says running ones stay exposed).',
          commands: ['yum update {{package}}', 'apt-get install --only-upgrade {{package}}'],
          source: 'general practice',
        },
      ],
    },

    evaluate(ctx) {
      const { model } = ctx;
      const versionsSeen = model.packages.available || model.identity.docker?.evidence !== undefined;
      if (!versionsSeen) {
        ctx.insufficient('neither a package list nor docker version output could be parsed', ['rpm -qa', 'dpkg -l', 'docker version']);
        return;
      }
      const { matches, unchecked } = matchKnownDefects(model, entries, { eventCount: eventCount(model) });
      for (const m of matches) {
        const e = m.entry;
        const data: Record<string, string | number | boolean> = {
          entry: e.id,
          title: e.title,
          kind: e.kind,
          package: m.package,
          installed: m.installed,
          via: m.via,
          origin: e.origin,
        };
        if (m.fixed !== undefined) data['fixed'] = m.fixed;
        if (e.cves?.length) data['cves'] = e.cves.join(', ');
        if (m.eventsSeen.length) data['eventsSeen'] = m.eventsSeen.map((x) => x.kind).join(', ');
        const detail = [`Symptom: ${e.symptom}.`, e.note, `Sources: ${e.sources.map((s) => (s.note ? `${s.url} (${s.note})` : s.url)).join('; ')}.`]
          .filter(Boolean)
          .join('\n');
        ctx.report({
          messageId: m.fixed !== undefined ? 'affected' : 'affectedNoFix',
          subject: e.id,
          data,
          evidence: [{ ...m.evidence, match: m.installed.split('-')[0] }],
          severity: e.severity,
          confidence: m.confidence,
          confidenceReason: m.confidenceReason,
          detail,
          fill: { package: m.package },
          remediation:
            m.fixed !== undefined
              ? [{ kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: `Upgrade ${m.package} to ${m.fixed} or later.`, source: `known-defects: ${e.id} (${e.sources[0]!.url})` }]
              : [],
        });
      }
      if (matches.length === 0 && unchecked.length > 0) {
        ctx.insufficient(`could not compare: ${unchecked.map((u) => `${u.entry.id}: ${u.reason}`).join('; ')}`);
      }
    },
  });
}

export default createKnownDefectRule(BUILTIN_KNOWN_DEFECTS.entries);
