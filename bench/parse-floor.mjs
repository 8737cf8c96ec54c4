// The parse-only floor: read every file and parse it with the same Markdown
// parser and extensions ir-lint uses, nothing else. ir-lint cannot be faster.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';

const files = [];
for (const arg of process.argv.slice(2)) {
  if (statSync(arg).isDirectory()) for (const f of readdirSync(arg).sort()) files.push(path.join(arg, f));
  else files.push(arg);
}
let nodes = 0;
for (const f of files) {
  const tree = fromMarkdown(readFileSync(f, 'utf8'), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  nodes += tree.children.length;
}
process.stdout.write(`${files.length} files, ${nodes} top-level nodes\n`);
