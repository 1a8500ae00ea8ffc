/**
 * daemon.json built to break the pipeline, run through the real parsers, model, rules and report
 * renderers: nesting at and beyond dockerd's decoder limit (Go encoding/json: 10,000 levels), and
 * keys that name Object.prototype members.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../analyzer/src/rules/index.js';
import { GO_JSON_MAX_DEPTH } from '../../analyzer/src/parsers/util/go-json.js';
import { DAEMON_JSON_KEPT_DEPTH } from '../../analyzer/src/parsers/daemon-json.js';
import { renderJson } from '../../reports/json.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { renderHtml } from '../../reports/html.js';
import { analyzeCase } from '../helpers/rule-tester.js';

/** `{"log-opts": {"a": {"a": … 1 …}}}` with `depth` open objects in all, one per line (no line near the reader's cut). */
function nested(depth: number): string {
  return '{"log-opts":\n' + '{"a":\n'.repeat(depth - 2) + '{"a": 1}\n' + '}\n'.repeat(depth - 1);
}

async function analyzeDaemonJson(text: string) {
  const result = await analyzeCase(RULES, { name: 'hostile daemon.json', artifacts: { 'docker.daemon-json': text } });
  // Every report format must render it.
  const rendered = [renderJson(result), renderMarkdown(result), renderHtml(result)];
  return { result, rendered };
}

const parseErrors = (r: Awaited<ReturnType<typeof analyzeDaemonJson>>['result']) => r.findings.filter((f) => f.ruleId === 'daemon-config-invalid' && f.messageId === 'parseError');

describe('daemon.json nested to dockerd’s limit and beyond', () => {
  it(`${GO_JSON_MAX_DEPTH} levels (dockerd accepts): no crash, no parse-error finding, deep part cut at ${DAEMON_JSON_KEPT_DEPTH}`, async () => {
    const { result, rendered } = await analyzeDaemonJson(nested(GO_JSON_MAX_DEPTH));
    expect(parseErrors(result)).toEqual([]);
    expect(result.model.config.daemonJson.error).toBeUndefined();
    // The kept value is DAEMON_JSON_KEPT_DEPTH levels deep, then a marker.
    let v: unknown = result.model.config.values['log-opts']?.value;
    let levels = 1; // the top-level object holding log-opts
    while (v && typeof v === 'object') {
      v = (v as Record<string, unknown>)['a'];
      levels++;
    }
    expect(levels).toBe(DAEMON_JSON_KEPT_DEPTH);
    expect(String(v)).toContain('not kept');
    expect(rendered[0]!.length).toBeLessThan(5_000_000);
  });

  it(`${2 * GO_JSON_MAX_DEPTH} levels: refused exactly as dockerd refuses it, not from a RangeError`, async () => {
    const text = nested(2 * GO_JSON_MAX_DEPTH);
    const { result } = await analyzeDaemonJson(text);
    const [f, ...more] = parseErrors(result);
    expect(more).toEqual([]);
    // Go's scanner: the 10,001st `{` fails with "invalid character '{' exceeded max depth"; it is on line 10,001.
    expect(f?.data).toMatchObject({ message: "invalid character '{' exceeded max depth", line: GO_JSON_MAX_DEPTH + 1 });
    expect(JSON.stringify(result)).not.toMatch(/RangeError|call stack/);
  });
});

describe('daemon.json keys named after Object.prototype members', () => {
  const text = '{\n  "__proto__": {"polluted": "yes"},\n  "constructor": {"prototype": {"polluted": "yes"}},\n  "toString": 1,\n  "storage-driver": "overlay2"\n}\n';

  it('are unknown directives, and nothing reaches or freezes Object.prototype', async () => {
    const { result, rendered } = await analyzeDaemonJson(text);
    expect(Object.isFrozen(Object.prototype)).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const unknown = result.model.config.daemonJson.unknownKeys.map((k) => k.key);
    // dockerd knows none of them: "the following directives don't match any configuration option".
    expect(unknown.sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(result.findings.find((f) => f.messageId === 'unknownKeys')?.data).toMatchObject({ count: 3 });
    // The known key is still read.
    expect(result.model.config.values['storage-driver']?.value).toBe('overlay2');
    expect(rendered[0]).toContain('__proto__');
  });
});
