/**
 * `/sys/module/overlay/parameters/<name>`: one value per file (`Y`, `N`, a number), the parameter name
 * is the file's basename, so the sink reads ctx.path. A missing file means the kernel has no such
 * parameter (absent), never `N` (field guide §3). Real sample: `redirect_dir` holds `N` on Linux 6.18
 * (fixtures test/fixtures/overlay-params/linux-6.18/<name>).
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import type { SourceLine } from './ipcs.js';

export interface OverlayParam extends SourceLine {
  name: string;
  value: string;
}

interface State {
  name: string;
  value?: OverlayParam;
}

export function paramName(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base;
}

export const overlayParamsParser = lineParser<State, OverlayParam>({
  name: 'overlay-params',
  artifacts: ['overlay.params'],
  init: (ctx) => ({ name: paramName(ctx.path) }),
  line(s, line, problems) {
    const v = line.text.trim();
    if (v === '') return;
    if (s.value) return problems.add(line, 'more than one value in a module parameter file');
    if (/[\0-\x1f]/.test(v) || v.length > 4096) return problems.add(line, 'not a module parameter value');
    s.value = { name: s.name, value: v, line: line.no, text: line.text };
  },
  finish(s, problems) {
    if (s.value) return ok(s.value, problems);
    if (problems.list.length > 0) return malformed('no readable value', problems, problems.list[0]!.line);
    return skipped('empty file', problems);
  },
});
