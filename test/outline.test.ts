/**
 * The outline read from micromark's events (src/parse/outline.ts) must be what
 * a walk over the mdast tree of the same Markdown finds: the nodes the lines
 * are annotated from, in the same order, with the same lines, depths and table
 * cells. The mdast walk below is the reference: it visits every node in
 * document order and does not descend into headings, code, HTML, tables or
 * thematic breaks (nor images, whose text mdast keeps as `alt`).
 */
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseReport } from '../src/parse/index.js';
import type { Markup } from '../src/model.js';
import { outline, type OutlineNode } from '../src/parse/outline.js';
import { corpusFiles, HAS_CORPUS } from './helpers/corpus.js';
import { fixtureReports, grammarReport, mutatedReport } from './helpers/fuzz.js';

function outlineFromMdast(root: Root): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (node: Nodes): void => {
    const pos = node.position!;
    const lines = { startLine: pos.start.line, endLine: pos.end.line };
    switch (node.type) {
      case 'heading':
        out.push({ type: 'heading', depth: node.depth, ...lines });
        return;
      case 'code':
      case 'html':
      case 'thematicBreak':
        out.push({ type: node.type, ...lines });
        return;
      case 'table':
        out.push({
          type: 'table',
          start: pos.start.offset!,
          end: pos.end.offset!,
          ...lines,
          rows: node.children.map((row) => ({
            start: row.position!.start.offset!,
            end: row.position!.end.offset!,
            line: row.position!.start.line,
            cells: row.children.map((cell) => ({ start: cell.position!.start.offset!, end: cell.position!.end.offset! })),
          })),
        });
        return;
      default:
        if ('children' in node) for (const child of node.children) visit(child);
    }
  };
  visit(root);
  return out;
}

const same = (markdown: string): void => {
  expect(outline(markdown)).toEqual(outlineFromMdast(parseMarkdown(markdown)));
};

/** Every HTML, image and image-reference node of the mdast tree, headings and tables included. */
function markupFromMdast(root: Root): Markup {
  const out: Markup = { html: [], images: [], escapedLt: [] };
  const visit = (node: Nodes): void => {
    const pos = node.position!;
    if (node.type === 'html') out.html.push({ start: pos.start.offset!, end: pos.end.offset!, flow: false });
    else if (node.type === 'image' || node.type === 'imageReference') out.images.push({ start: pos.start.offset!, end: pos.end.offset! });
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}

const sameMarkup = (markdown: string): void => {
  const markup: Markup = { html: [], images: [], escapedLt: [] };
  outline(markdown, undefined, markup);
  const expected = markupFromMdast(parseMarkdown(markdown));
  expect({ html: markup.html.map(({ start, end }) => ({ start, end })), images: markup.images }).toEqual({ html: expected.html.map(({ start, end }) => ({ start, end })), images: expected.images });
};

// Markdown pieces that exercise every node the outline keeps, and the places
// where it must not look (inside headings, tables, images, code, HTML).
const piece = fc.constantFrom(
  '# Heading',
  '## Closed heading ##',
  '###### six',
  '####### seven is text',
  'Setext one\n===',
  'Setext two\nspans lines\n---',
  '# Heading with <b>html</b> and ![alt <i>x</i>](y)',
  'Paragraph with <b>inline html</b> and `<code>` and \\<escaped>.',
  'Two lines\nof <span\nclass="x">html</span> text',
  'An image ![alt <b>bold</b>](pic.png) and a [link <b>x</b>](url) and [ref][r]',
  '![ref image <em>x</em>][r]',
  '[r]: https://example.com "<b>title</b>"',
  '<https://example.com> and <a@b.example>',
  '<!-- a comment -->',
  '<div>\nblock html\n</div>',
  '```\n<b>in code</b>\n# not a heading\n```',
  '~~~md\n| a | b |\n|---|---|\n~~~',
  '    indented code <b>x</b>',
  '***',
  '- - -',
  '- item <b>x</b>\n  - nested\n    # heading in a list',
  '1. one\n2. two | with | pipes',
  '> quoted <i>html</i>\n> # quoted heading\n> | q | r |\n> |---|---|\n> | 1 | 2 |',
  '| a | b |\n|---|---|\n| 1 <b>x</b> | ![i](j) |\n| \\| escaped | `code | pipe` |',
  '| only | header |\n| --- | :-: |',
  'a | b\n--|--\nc | d\ne',
  'header without a pipe\n|---|\n| x |\nbody without one',
  'two words\n:-:|',
  'one column without a pipe\n:---',
  '> quoted header\n> ---:',
  '> quoted header\n> | - |\nlazy line',
  '- list header\n  |--|--|\n  | a | b |',
  '| not | a table |\n| also not |',
  '**Bold** and *em* <br> and _under_',
  '\t# tab heading\n\ttab code',
  'Trailing text\r\nwith CRLF <br>\r\n',
  '',
);
const markdown = fc.array(piece, { minLength: 1, maxLength: 12 }).chain((pieces) =>
  fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n', '\r\n\r\n'), { minLength: pieces.length, maxLength: pieces.length }).map((seps) =>
    pieces.map((p, i) => p + seps[i]).join(''),
  ),
);

describe('outline', () => {
  it('matches the mdast walk on each construct', () => {
    const kinds = new Set<string>();
    for (const text of ['# h\n\nSet\n---\n\n```\nx\n```\n\n<div>\n</div>\n\n***\n\n| a |\n|---|\n| 1 |\n\ntext <b>x</b>\n']) {
      same(text);
      for (const n of outline(text)) kinds.add(n.type);
    }
    expect([...kinds].sort()).toEqual(['code', 'heading', 'html', 'table', 'thematicBreak']);
  });

  it('skips HTML inside headings, tables and image text, keeps it inside links and paragraphs', () => {
    const text = '# a <b>x</b>\n\n| <i>c</i> |\n|---|\n\n![<b>alt</b>](p) [<em>l</em>](u) <br>\n';
    expect(outline(text)).toEqual([
      { type: 'heading', depth: 1, startLine: 1, endLine: 1 },
      { type: 'table', start: 14, end: 32, startLine: 3, endLine: 4, rows: [{ start: 14, end: 26, line: 3, cells: [{ start: 14, end: 26 }] }] },
      { type: 'html', startLine: 6, endLine: 6 },
      { type: 'html', startLine: 6, endLine: 6 },
      { type: 'html', startLine: 6, endLine: 6 },
    ]);
    same(text);
  });

  it('reads a one-cell table whose rows have no pipe (a `:---` delimiter row), as mdast does', () => {
    for (const md of ['posted: 2020-03-13\n:---\n', 'title: x\n:---:\nrow\n', 'Heading\n---\n', '> quoted\n> :--\n']) same(md);
    expect(outline('posted: 2020-03-13\n:---\n').map((n) => n.type)).toEqual(['table']);
  });

  it('matches the mdast walk on random Markdown', () => {
    fc.assert(fc.property(markdown, same), { numRuns: 400, seed: 20261127 });
  });

  it('collects the raw HTML and images that mdast finds, in headings and tables too', () => {
    fc.assert(fc.property(markdown, sameMarkup), { numRuns: 300, seed: 20261201 });
    for (const f of fixtureReports()) sameMarkup(f.text);
    const markup: Markup = { html: [], images: [], escapedLt: [] };
    outline('# a <b>x</b>\n\n| ![i](j) | <br> |\n|---|---|\n\n<div>\nx\n</div>\n\n![<b>alt</b>](p)\n', undefined, markup);
    expect(markup).toEqual({
      html: [
        { start: 4, end: 7, flow: false },
        { start: 8, end: 12, flow: false },
        { start: 26, end: 30, flow: false },
        { start: 44, end: 58, flow: true },
      ],
      images: [
        { start: 16, end: 23 },
        { start: 60, end: 76 },
      ],
      escapedLt: [],
    });
    const escapes: Markup = { html: [], images: [], escapedLt: [] };
    outline('a \\<b> `\\<c>` \\* \\<https://x>\n', undefined, escapes);
    expect(escapes.escapedLt).toEqual([2, 17]);
  });

  it('matches the mdast walk on report-shaped and mutated reports', () => {
    fc.assert(fc.property(grammarReport, same), { numRuns: 50, seed: 20261128 });
    fc.assert(fc.property(mutatedReport(fixtureReports().map((f) => f.text)), same), { numRuns: 50, seed: 20261129 });
  });

  it('matches the mdast walk on every fixture report', () => {
    const fixtures = fixtureReports();
    expect(fixtures.length).toBeGreaterThan(10);
    for (const f of fixtures) same(f.text);
  });

  it.skipIf(!HAS_CORPUS)('matches the mdast walk on every corpus report', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) same(f.text);
  });

  it('report.mdast is the mdast tree, built when first read', () => {
    const report = parseReport('---\ntitle: x\n---\n# Title\n\n| a |\n|---|\n');
    const tree = report.mdast;
    expect(tree.type).toBe('root');
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'table']);
    expect(report.mdast).toBe(tree);
  });
});
