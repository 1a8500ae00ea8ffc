import { describe, expect, it } from 'vitest';
import { looksLikeLogrus, parseLogrus } from '../../analyzer/src/parsers/logrus.js';

// Format: field guide §0 (dockerd lines are logrus: time="…" level=… msg="…" key=value…).
describe('parseLogrus', () => {
  it('reads time, level, msg and sorted extra keys', () => {
    const l = parseLogrus('time="2021-03-01T12:55:55.546134668+08:00" level=error msg="failed to load container" container=1f0c5e error=EOF');
    expect(l).toEqual({ time: '2021-03-01T12:55:55.546134668+08:00', level: 'error', msg: 'failed to load container', fields: { container: '1f0c5e', error: 'EOF' } });
  });

  it('decodes Go quoting: \\" \\\\ \\n \\t and \\u escapes', () => {
    const l = parseLogrus(String.raw`time="t" level=warning msg="quoted \"value\" and back\\slash\nnext\ttab \u00e9" key="a b"`);
    expect(l?.msg).toBe('quoted "value" and back\\slash\nnext\ttab é');
    expect(l?.fields.key).toBe('a b');
  });

  it('keeps a value whose closing quote is missing (cut line)', () => {
    expect(parseLogrus('level=info msg="cut here')?.msg).toBe('cut here');
  });

  it('is undefined for non-logrus text', () => {
    expect(parseLogrus('failed to start daemon: x')).toBeUndefined();
    expect(looksLikeLogrus('Error starting daemon: x')).toBe(false);
  });

  it('stops at free text without a key', () => {
    const l = parseLogrus('level=info msg=x trailing words here');
    expect(l?.msg).toBe('x');
    expect(Object.keys(l!.fields)).toEqual([]);
  });
});
