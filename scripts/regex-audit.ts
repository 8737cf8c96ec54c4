/**
 * Every regular expression in src/ and rules/, checked for catastrophic
 * backtracking (ReDoS) with recheck. Used by test/regex-safety.test.ts and
 * runnable on its own: `npx tsx scripts/regex-audit.ts` prints each
 * expression that recheck finds super-linear, with an attack string.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

const root = path.join(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Regex literals, and `new RegExp('literal')` / `RegExp('literal')` with a constant pattern. */
export function findRegexes(): { literals: FoundRegex[]; dynamic: Array<{ file: string; line: number; text: string }> } {
  const literals: FoundRegex[] = [];
  const dynamic: Array<{ file: string; line: number; text: string }> = [];
  for (const file of [...tsFiles(path.join(root, 'src')), ...tsFiles(path.join(root, 'rules'))]) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const rel = path.relative(root, file);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.getText(sf);
        const end = lit.lastIndexOf('/');
        literals.push({ file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, source: lit.slice(1, end), flags: lit.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags))) {
          literals.push({ file: rel, line, source: pattern.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
        } else {
          dynamic.push({ file: rel, line, text: node.getText(sf).slice(0, 160) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, dynamic };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { checkSync } = await import('recheck');
  const { literals, dynamic } = findRegexes();
  let bad = 0;
  for (const r of literals) {
    const d = checkSync(r.source, r.flags, { timeout: 10_000 });
    if (d.status !== 'safe') {
      bad++;
      const attack = d.status === 'vulnerable' ? ` attack: ${JSON.stringify(d.attack.pattern)}` : '';
      console.log(`${r.file}:${r.line}: ${d.status}${d.status === 'vulnerable' ? ` (${d.complexity.summary})` : ''} /${r.source}/${r.flags}${attack}`);
    }
  }
  console.log(`${literals.length} expressions checked, ${bad} not proven safe; ${dynamic.length} built at run time:`);
  for (const d of dynamic) console.log(`  ${d.file}:${d.line}: ${d.text}`);
}
