/**
 * Every regular expression in src/ and rules/, checked for catastrophic
 * backtracking (ReDoS) with recheck (a minute or so).
 *
 *   npx tsx scripts/regex-audit.ts           print each expression recheck does not prove safe
 *   npx tsx scripts/regex-audit.ts --write   also record the verdicts in test/regex-audit.json
 *
 * test/regex-safety.test.ts reads that file: it fails when an expression in
 * the code has no verdict (re-run with --write after changing a regex) or is
 * vulnerable without a reviewed reason.
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

/** The TypeScript source files below `dir` (declaration files left out). */
export function tsFiles(dir: string): string[] {
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

/** Where `--write` records the verdicts that test/regex-safety.test.ts reads. */
export const AUDIT_FILE = path.join(root, 'test', 'regex-audit.json');

export interface AuditEntry {
  pattern: string;
  status: 'safe' | 'vulnerable' | 'unknown';
  complexity?: string;
  attack?: string;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { checkSync } = await import('recheck');
  const { writeFileSync } = await import('node:fs');
  const { literals, dynamic } = findRegexes();
  const entries = new Map<string, AuditEntry>();
  let bad = 0;
  for (const r of literals) {
    const key = `/${r.source}/${r.flags}`;
    if (entries.has(key)) continue;
    const d = checkSync(r.source, r.flags, { timeout: 10_000 });
    const entry: AuditEntry = { pattern: key, status: d.status };
    if (d.status === 'vulnerable') {
      entry.complexity = d.complexity.summary;
      entry.attack = d.attack.pattern;
    }
    entries.set(key, entry);
    if (d.status !== 'safe') {
      bad++;
      console.log(`${r.file}:${r.line}: ${d.status}${entry.complexity ? ` (${entry.complexity})` : ''} ${key}${entry.attack ? ` attack: ${entry.attack}` : ''}`);
    }
  }
  console.log(`${entries.size} distinct expressions checked, ${bad} not proven safe; ${dynamic.length} built at run time:`);
  for (const d of dynamic) console.log(`  ${d.file}:${d.line}: ${d.text}`);
  if (process.argv.includes('--write')) {
    const sorted = [...entries.values()].sort((a, b) => (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));
    writeFileSync(AUDIT_FILE, `${JSON.stringify({ generatedBy: 'npx tsx scripts/regex-audit.ts --write', entries: sorted }, null, 1)}\n`);
    console.log(`wrote ${path.relative(root, AUDIT_FILE)}`);
  }
}
