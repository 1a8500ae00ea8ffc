/**
 * The English texts rules write at run time, read from the rule sources with the TypeScript
 * compiler (no rule is run): every value given as `confidenceReason:`, every first argument of
 * `ctx.insufficient(` / `ctx.notEvaluated(`, and every text appended with `confidenceReason +=`.
 * A template literal becomes a shape with `{{}}` for each `${…}`; both branches of a conditional
 * and both sides of `||` / `??` are read. A value passed through a variable or a property
 * (`confidenceReason: j.reason`) is followed by name to the assignments of that name in the same
 * file and in the files listed in FORWARDED (where a rule gets a reason from another module).
 * Anything else cannot be read statically and is returned as `unreadable`, so the completeness
 * test fails and names the place instead of passing silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname ?? __dirname, '..', '..');
const RULES_DIR = join(ROOT, 'analyzer', 'src', 'rules');

/** Modules a rule takes finished reasons from: the known-defect rule forwards the matcher's. */
const FORWARDED: Record<string, string[]> = {
  'known-defect.ts': ['analyzer/src/known-defects/match.ts'],
};

export type TextKind = 'confidenceReason' | 'coverageReason' | 'appended';

export interface RuleText {
  kind: TextKind;
  /** Relative to the repository root. */
  file: string;
  line: number;
  /** The English text, each `${…}` as `{{}}`. */
  shape: string;
}

export interface Unreadable {
  kind: TextKind;
  file: string;
  line: number;
  expression: string;
}

interface Source {
  file: string;
  sf: ts.SourceFile;
}

function load(path: string): Source {
  return { file: relative(ROOT, path), sf: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true) };
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

const propName = (n: ts.PropertyName | ts.BindingName): string | undefined => (ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined);

/** Initializers of `name: …`, `const name = …` and `x.name = …` in a file. */
function assignmentsOf(src: Source, name: string): ts.Expression[] {
  const out: ts.Expression[] = [];
  walk(src.sf, (n) => {
    if (ts.isPropertyAssignment(n) && propName(n.name) === name) out.push(n.initializer);
    else if (ts.isVariableDeclaration(n) && n.initializer && propName(n.name) === name) out.push(n.initializer);
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const l = n.left;
      if ((ts.isIdentifier(l) && l.text === name) || (ts.isPropertyAccessExpression(l) && l.name.text === name)) out.push(n.right);
    }
  });
  return out;
}

/**
 * The shapes of a template literal. A `${…}` is a hole (`{{}}`), except a conditional whose branches
 * are literals (`${distro ? ` for ${distro}` : ''}`): its branches are spelled out, one shape each.
 */
function templateShapes(t: ts.TemplateExpression): string[] {
  let shapes = [t.head.text];
  for (const span of t.templateSpans) {
    let e: ts.Expression = span.expression;
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    const literalShapes = (x: ts.Expression): string[] | undefined =>
      ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x) ? [x.text] : ts.isTemplateExpression(x) ? templateShapes(x) : undefined;
    const alts = ts.isConditionalExpression(e) ? [literalShapes(e.whenTrue), literalShapes(e.whenFalse)] : [];
    const parts = alts.length && alts.every((a) => a !== undefined) ? alts.flat() as string[] : ['{{}}'];
    shapes = shapes.flatMap((s) => parts.map((p) => s + p + span.literal.text));
  }
  return shapes;
}

/** The English texts an expression can evaluate to, or the expressions that cannot be read. */
function textsOf(expr: ts.Expression, src: Source, related: Source[], seen: Set<ts.Node>): { shapes: string[]; unreadable: ts.Expression[] } {
  const out = { shapes: [] as string[], unreadable: [] as ts.Expression[] };
  const add = (r: { shapes: string[]; unreadable: ts.Expression[] }) => {
    out.shapes.push(...r.shapes);
    out.unreadable.push(...r.unreadable);
  };
  if (seen.has(expr)) return out;
  seen.add(expr);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
    if (expr.text !== '') out.shapes.push(expr.text); // '' stands for "none" (`base.reason || …`)
  } else if (ts.isTemplateExpression(expr)) out.shapes.push(...templateShapes(expr));
  else if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) add(textsOf(expr.expression, src, related, seen));
  else if (ts.isConditionalExpression(expr)) {
    add(textsOf(expr.whenTrue, src, related, seen));
    add(textsOf(expr.whenFalse, src, related, seen));
  } else if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(expr.operatorToken.kind)) {
    add(textsOf(expr.left, src, related, seen));
    add(textsOf(expr.right, src, related, seen));
  } else if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) {
    const name = ts.isIdentifier(expr) ? expr.text : expr.name.text;
    const found = [src, ...related].flatMap((s) => assignmentsOf(s, name).map((e) => ({ e, s })));
    const fresh = found.filter(({ e }) => !seen.has(e));
    if (fresh.length === 0 && found.length === 0) out.unreadable.push(expr);
    for (const { e, s } of fresh) add(textsOf(e, s, related, seen));
  } else out.unreadable.push(expr);
  return out;
}

export function ruleRunTimeTexts(): { texts: RuleText[]; unreadable: Unreadable[] } {
  const texts: RuleText[] = [];
  const unreadable: Unreadable[] = [];
  for (const name of readdirSync(RULES_DIR).filter((n) => n.endsWith('.ts')).sort()) {
    const src = load(join(RULES_DIR, name));
    const related = (FORWARDED[name] ?? []).map((p) => load(join(ROOT, p)));
    const record = (kind: TextKind, expr: ts.Expression, at: ts.Node) => {
      const line = src.sf.getLineAndCharacterOfPosition(at.getStart(src.sf)).line + 1;
      const r = textsOf(expr, src, related, new Set());
      // A text found in a forwarded module is reported at the rule's line that forwards it.
      for (const shape of r.shapes) texts.push({ kind, file: src.file, line, shape });
      for (const e of r.unreadable) unreadable.push({ kind, file: src.file, line, expression: e.getText(e.getSourceFile()) });
    };
    walk(src.sf, (n) => {
      if (ts.isPropertyAssignment(n) && propName(n.name) === 'confidenceReason') record('confidenceReason', n.initializer, n);
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['insufficient', 'notEvaluated'].includes(n.expression.name.text) && n.arguments[0]) {
        record('coverageReason', n.arguments[0], n);
      }
    });
    // Appended clauses: the engine's "; seen in the logs only: …", the matcher's "; the logs show …".
    for (const s of [src, ...related]) {
      walk(s.sf, (n) => {
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isPropertyAccessExpression(n.left) && n.left.name.text === 'confidenceReason') {
          const line = s.sf.getLineAndCharacterOfPosition(n.getStart(s.sf)).line + 1;
          const r = textsOf(n.right, s, [], new Set());
          for (const shape of r.shapes) texts.push({ kind: 'appended', file: s.file, line, shape });
          for (const e of r.unreadable) unreadable.push({ kind: 'appended', file: s.file, line, expression: e.getText(s.sf) });
        }
      });
    }
  }
  return { texts, unreadable };
}
