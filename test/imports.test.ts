/**
 * Who may import whom: src/README.md's table, checked both ways. Every
 * module under src/ and rules/ falls in a row; it imports only its own row's
 * modules and what "may import" names, and nothing "never" names (modules,
 * packages, `process`, the clock). src/ and rules/ have no import circle.
 * Imports are read with the TypeScript compiler: import and export-from
 * statements (type-only too), `import()`, `require()` and `import('x').T`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../scripts/regex-audit.js';

const root = path.join(import.meta.dirname, '..');

// ---------------------------------------------------------------- the table

interface Row {
  /** The row's modules: files (`src/io.ts`) and folders (`src/parse`, `rules`). */
  modules: string[];
  /** "may import": module paths, packages, `node:` modules; `everything`. */
  may: string[];
  everything: boolean;
  /** "never": module paths, packages, `node:` modules, `process`, `process.exit()`, `Date.now()`, `new Date()`. */
  never: string[];
  text: string;
}

const SPECIAL = new Set(['process', 'process.exit()', 'Date.now()', 'new Date()']);

/** Backticked names outside parentheses (what is in parentheses explains, it is not checked). */
function names(cell: string): string[] {
  const quoted: string[] = [];
  const bare = cell.replace(/`([^`]+)`/g, (_, name: string) => `\u0000${quoted.push(name) - 1}\u0000`).replace(/\([^()]*\)/g, '');
  return [...bare.matchAll(/\u0000(\d+)\u0000/g)].map((m) => quoted[Number(m[1])] as string);
}

/** A cell's words outside backticks and parentheses. */
function prose(cell: string): string {
  return cell.replace(/`[^`]*`/g, '').replace(/\([^()]*\)/g, '');
}

function readTable(): Row[] {
  const readme = readFileSync(path.join(root, 'src', 'README.md'), 'utf8');
  const start = readme.indexOf('## Who may import whom');
  const end = readme.indexOf('\n## ', start + 1);
  const rows: Row[] = [];
  for (const line of readme.slice(start, end).split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, ''));
    expect(cells, line).toHaveLength(3);
    const [mod, may, never] = cells as [string, string, string];
    rows.push({ modules: names(mod), may: names(may), everything: /\beverything\b/.test(prose(may)), never: names(never), text: line });
  }
  return rows;
}

const TABLE = readTable();
const isModule = (n: string): boolean => n === 'rules' || n.startsWith('src/') || n.startsWith('rules/');

/** The row a file falls in: a row naming the file itself, else the one naming its deepest folder. */
function rowOf(file: string): Row | undefined {
  let best: { row: Row; depth: number } | undefined;
  for (const row of TABLE) {
    for (const m of row.modules) {
      const depth = m === file ? Number.MAX_SAFE_INTEGER : file.startsWith(`${m}/`) ? m.split('/').length : -1;
      if (depth >= 0 && (!best || depth > best.depth)) best = { row, depth };
    }
  }
  return best?.row;
}

/** A name from the table matches an import: the same, a file under a folder, a package subpath, or a `*` pattern. */
function matches(name: string, target: string): boolean {
  if (name.includes('*')) return new RegExp(`^${name.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`).test(target);
  return target === name || target.startsWith(`${name}/`);
}

// ---------------------------------------------------------------- the code

interface Use {
  /** `src/x.ts` for a module of ours, `node:fs` for a built-in, the specifier for a package. */
  target: string;
  line: number;
  typeOnly: boolean;
}

const BUILTINS = new Set(builtinModules);

function resolve(from: string, spec: string): string {
  if (spec.startsWith('.')) {
    const abs = path.resolve(path.dirname(path.join(root, from)), spec).replace(/\.js$/, '.ts');
    const rel = path.relative(root, abs).split(path.sep).join('/');
    return existsSync(abs) ? rel : existsSync(path.join(abs, 'index.ts')) ? `${rel}/index.ts` : rel;
  }
  if (spec.startsWith('node:')) return spec;
  if (BUILTINS.has(spec.split('/')[0] as string)) return `node:${spec}`;
  return spec;
}

/** What a file imports, and where it reads `process` or the clock. */
function scan(file: string): { imports: Use[]; specials: Array<{ name: string; line: number }> } {
  const text = readFileSync(path.join(root, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const imports: Use[] = [];
  const specials: Array<{ name: string; line: number }> = [];
  const lineOf = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const add = (spec: ts.Expression | undefined, node: ts.Node, typeOnly: boolean): void => {
    if (spec && ts.isStringLiteralLike(spec)) imports.push({ target: resolve(file, spec.text), line: lineOf(node), typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node, node.importClause?.isTypeOnly === true);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node, node.isTypeOnly);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal as ts.Expression, node, true);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node.arguments[0], node, false);
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
        const call = `${callee.expression.text}.${callee.name.text}()`;
        if (call === 'Date.now()' || call === 'process.exit()') specials.push({ name: call, line: lineOf(node) });
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && (node.arguments ?? []).length === 0) {
      specials.push({ name: 'new Date()', line: lineOf(node) });
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'process') specials.push({ name: 'process', line: lineOf(node) });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { imports, specials };
}

const FILES = [...tsFiles(path.join(root, 'src')), ...tsFiles(path.join(root, 'rules'))].map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
const SCANS = new Map(FILES.map((f) => [f, scan(f)]));

// ---------------------------------------------------------------- the checks

describe('the import table in src/README.md', () => {
  it('is read (rows with modules, both columns)', () => {
    expect(TABLE.length).toBeGreaterThan(10);
    for (const row of TABLE) expect(row.modules.length, row.text).toBeGreaterThan(0);
    expect(TABLE.find((r) => r.modules.includes('src/parse'))?.never).toContain('src/query.ts');
  });

  it('names only modules, packages and built-ins that exist', () => {
    const bad: string[] = [];
    for (const row of TABLE) {
      for (const m of row.modules) if (!isModule(m) || !existsSync(path.join(root, m))) bad.push(`module ${m}`);
      for (const n of [...row.may, ...row.never]) {
        if (SPECIAL.has(n)) continue;
        if (isModule(n)) {
          if (!existsSync(path.join(root, n))) bad.push(`module ${n}`);
        } else if (n.startsWith('node:')) {
          if (!BUILTINS.has(n.slice(5))) bad.push(`built-in ${n}`);
        } else {
          const pkg = n.startsWith('@') ? n.split('/').slice(0, 2).join('/') : (n.split('/')[0] as string);
          const found = pkg.includes('*')
            ? readdirSync(path.join(root, 'node_modules')).some((d) => matches(pkg, d))
            : existsSync(path.join(root, 'node_modules', pkg)) || existsSync(path.join(root, 'node_modules', '@types', pkg));
          if (!found) bad.push(`package ${n}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('has a row for every module under src/ and rules/', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES.filter((f) => rowOf(f) === undefined)).toEqual([]);
  });

  it('"may import": every import of every module is allowed by its row', () => {
    const bad: string[] = [];
    for (const [file, { imports }] of SCANS) {
      const row = rowOf(file) as Row;
      if (row.everything) continue;
      for (const u of imports) {
        const own = FILES.includes(u.target) && rowOf(u.target) === row;
        if (!own && !row.may.some((n) => matches(n, u.target))) bad.push(`${file}:${u.line} imports ${u.target}${u.typeOnly ? ' (types)' : ''}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('"never": no module imports, calls or reads what its row forbids', () => {
    const bad: string[] = [];
    for (const [file, { imports, specials }] of SCANS) {
      const row = rowOf(file) as Row;
      for (const u of imports) {
        const hit = row.never.find((n) => !SPECIAL.has(n) && matches(n, u.target));
        if (hit) bad.push(`${file}:${u.line} imports ${u.target}${u.typeOnly ? ' (types)' : ''}`);
      }
      for (const s of specials) {
        if (row.never.includes(s.name) || (s.name === 'process.exit()' && row.never.includes('process'))) bad.push(`${file}:${s.line} uses ${s.name}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the checks can fail: a forbidden import and a forbidden clock read are found', () => {
    const parse = rowOf('src/parse/index.ts') as Row;
    expect(parse.never.some((n) => matches(n, 'src/query.ts'))).toBe(true);
    expect(parse.never.some((n) => matches(n, 'node:fs'))).toBe(true);
    expect(parse.may.some((n) => matches(n, 'src/cli/main.ts'))).toBe(false);
    expect(rowOf('rules/timeline-future.ts')?.never).toContain('Date.now()');
    const seen = scan('src/api.ts');
    expect(seen.specials.some((s) => s.name === 'new Date()')).toBe(true);
    expect(seen.imports.some((u) => u.target === 'src/engine/index.ts')).toBe(true);
  });
});

// ---------------------------------------------------------------- circles

/**
 * Imports known to close a circle, each with the change that removes it. An
 * entry must still close a circle, so this list only shrinks.
 */
const KNOWN_CIRCLE_EDGES: ReadonlyArray<{ from: string; to: string; why: string }> = [];

function graph(skip: ReadonlyArray<{ from: string; to: string }>): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const [file, { imports }] of SCANS) {
    const to = [...new Set(imports.map((u) => u.target).filter((t) => SCANS.has(t)))];
    g.set(file, to.filter((t) => !skip.some((e) => e.from === file && e.to === t)));
  }
  return g;
}

/** One import circle as a path (a → b → a), or undefined. */
function findCircle(g: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const dfs = (v: string): string[] | undefined => {
    state.set(v, 1);
    stack.push(v);
    for (const w of g.get(v) ?? []) {
      if (state.get(w) === 1) return [...stack.slice(stack.indexOf(w)), w];
      if (state.get(w) === undefined) {
        const c = dfs(w);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(v, 2);
    return undefined;
  };
  for (const v of [...g.keys()].sort()) {
    if (state.get(v) !== undefined) continue;
    const c = dfs(v);
    if (c) return c;
  }
  return undefined;
}

describe('import circles', () => {
  it('src/ and rules/ have none (type-only imports included)', () => {
    expect(findCircle(graph(KNOWN_CIRCLE_EDGES))?.join(' \u2192 ')).toBeUndefined();
  });

  it('every known circle is still one (remove an entry once its circle is gone)', () => {
    for (const edge of KNOWN_CIRCLE_EDGES) {
      const others = KNOWN_CIRCLE_EDGES.filter((e) => e !== edge);
      // With every other known edge left out, the graph still has a circle: this edge closes it.
      expect(findCircle(graph(others)), `${edge.from} \u2192 ${edge.to}: ${edge.why}`).toBeDefined();
    }
  });

  it('the search finds a circle when there is one', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', []],
    ]);
    expect(findCircle(g)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCircle(new Map([['a', ['b']], ['b', []]]))).toBeUndefined();
  });
});

// The browser build: src/web runs in a page, a Web Worker and a content script. It reaches the engine
// through src/api.ts; the Node modules the engine names (node:path, node:url, src/lazy.ts) are swapped
// for browser stand-ins by scripts/build-web.mjs, which refuses any other node: import.
describe('browser modules', () => {
  for (const file of tsFiles(path.join(root, 'src', 'web'))) {
    it(path.relative(root, file), () => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from ['"]node:|from ['"](?:fs|path|url|module|crypto|vm)['"]|\brequire\(/);
      expect(text).not.toMatch(/\bprocess\.|\bBuffer\b/);
      // Nothing that sends the text anywhere.
      expect(text).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b/);
    });
  }
});
