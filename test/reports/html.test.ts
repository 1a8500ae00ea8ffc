import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { jsonForScript, renderHtml } from '../../reports/html.js';
import { visible } from '../../reports/text.js';
import { analysisFixture, expectedTimelineEvents, emptyResult, hostileFixture, PAYLOADS } from '../helpers/analysis-fixture.js';

const b64 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

/** The inline blocks exactly as the browser hashes them: the text between the tags. */
function inlineBlocks(html: string) {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const data = [...html.matchAll(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return { scripts, styles, data };
}

function csp(html: string): string {
  const m = /<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  expect(m, 'CSP meta must be the first element in <head>').not.toBeNull();
  return m![1]!;
}

describe('report.html', () => {
  const html = renderHtml(analysisFixture());

  it('puts a strict CSP first in <head> whose hashes match the inline script and style', () => {
    const policy = csp(html);
    const dirs = Object.fromEntries(policy.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(dirs['default-src']).toEqual(["'none'"]);
    expect(dirs['img-src']).toEqual(['data:']);
    expect(dirs['base-uri']).toEqual(["'none'"]);
    expect(dirs['form-action']).toEqual(["'none'"]);
    const { scripts, styles } = inlineBlocks(html);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(dirs['script-src']).toEqual(scripts.map((s) => `'sha256-${b64(s)}'`));
    expect(dirs['style-src']).toEqual(styles.map((s) => `'sha256-${b64(s)}'`));
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('refers to nothing outside the file', () => {
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*"(?!#)/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/\sstyle=/i); // inline style attributes would need 'unsafe-inline'
  });

  it('contains every finding with its anchor, summary and first evidence line', () => {
    const r = analysisFixture();
    for (const f of r.findings) {
      expect(html).toContain(`data-finding-id="${f.id}"`);
      expect(html).toContain(Handlebars.escapeExpression(f.summary));
    }
    expect(html).toContain('<mark>0x0d4d1234</mark>');
    expect(html).toContain('<mark>Start request repeated too quickly</mark>');
    expect(html).toContain('id="finding-semaphore-leak-1"');
    expect(html).toContain('href="#finding-start-limit-hit-1"');
  });

  it('draws one SVG mark per timeline event', () => {
    const r = analysisFixture();
    const marks = html.match(/<circle class="tl-mark/g) ?? [];
    const rows = html.match(/<tr id="tl-\d+"/g) ?? [];
    // boot starts and known endings + lifecycle + the one model-timeline event not in lifecycle + timed findings
    const expected = expectedTimelineEvents(r);
    expect(marks).toHaveLength(expected);
    expect(rows).toHaveLength(expected);
  });

  it('renders an empty result', () => {
    const e = renderHtml(emptyResult());
    expect(e).toContain('No findings.');
    expect(e).toContain('No time-stamped events');
  });

  it('renders findings past the full-display cap in one line, still filterable', () => {
    const r = analysisFixture();
    const h = renderHtml(r, { findingsFull: 2 });
    const compact = [...h.matchAll(/<article class="finding compact sev-(\w+)"[^>]*data-finding-id="([^"]+)"/g)].map((m) => m[2]);
    // sorted by severity: the warning and the info finding are the last two
    expect(compact).toEqual(['overlay-dtype#1', 'live-restore-off#1']);
    expect(h).toContain('data-compact="2"');
  });

  it('is small: the fixture page stays under 100 KB', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });
});

describe('report.html with a hostile bundle', () => {
  const r = hostileFixture();
  const html = renderHtml(r);

  it('never emits a payload as markup', () => {
    // The JSON data block holds payload text too (with < and > escaped: checked below); skip it here.
    // The ticket text's data block (reports/ticket.ts) holds bundle text too, escaped the same way.
    const body = html.slice(html.indexOf('<body>')).replace(/<script type="application\/json" id="(?:report|ticket)-data">[\s\S]*?<\/script>/g, '');
    expect(body).not.toContain('<script>alert');
    expect(body).not.toMatch(/<img\b/i);
    expect(body).not.toMatch(/<svg onload/i);
    expect(body).not.toMatch(/\son(error|load)=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect((html.match(/<script\b/g) ?? []).length).toBe(3);
    expect((html.match(/<\/script>/g) ?? []).length).toBe(3);
    // The ticket block is a JSON string with no raw < or >.
    const ticket = /<script type="application\/json" id="ticket-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(ticket).not.toMatch(/[<>]/);
    expect(typeof JSON.parse(ticket)).toBe('string');
  });

  it('shows payloads escaped, with bidi overrides made visible', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload&#x3D;alert(1)&gt;');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('evil⟦U+202E⟧txt.exe');
  });

  it('highlights a payload match inside <mark> as text', () => {
    expect(html).toContain('<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>');
    expect(html).toContain('<mark>javascript:alert(1)</mark>');
  });

  it('embeds JSON that cannot close its script element and parses back to the input', () => {
    const { data } = inlineBlocks(html);
    expect(data).toHaveLength(1);
    expect(data[0]).not.toMatch(/[<>\u2028\u2029]/);
    const parsed = JSON.parse(data[0]!) as { findings: { id: string; title: string }[] };
    expect(parsed.findings.map((f) => f.title).sort()).toEqual(r.findings.map((f) => visible(f.title)).sort());
    expect(parsed.findings.find((f) => f.id === r.findings[0]!.id)!.title).toContain(PAYLOADS.closeScript);
  });

  it('escapes U+2028/2029 and markup characters in the data block', () => {
    expect(jsonForScript({ a: '\u2028\u2029</script>&' })).toBe('{"a":"\\u2028\\u2029\\u003c/script\\u003e\\u0026"}');
  });
});
