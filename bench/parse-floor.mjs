// The parse-only floor: read every file and parse it into an mdast tree with
// mdast-util-from-markdown and the GFM table extension, nothing else: what
// parsing the reports costs a linter that builds the syntax tree. ir-lint
// runs the same tokenizer (micromark) but keeps only the outline it reads
// (src/parse/outline.ts), so its whole run can cost less than this.
//
//   node parse-floor.mjs <dir|file>...              one thread
//   node parse-floor.mjs --threads N <dir|file>...  N worker threads, files dealt round-robin
//                                                   (ir-lint's own layout on many files)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';

function parseAll(files) {
  let nodes = 0;
  for (const f of files) {
    const tree = fromMarkdown(readFileSync(f, 'utf8'), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
    nodes += tree.children.length;
  }
  return nodes;
}

if (isMainThread) {
  const args = process.argv.slice(2);
  let threads = 0;
  const t = args.indexOf('--threads');
  if (t >= 0) threads = Number(args.splice(t, 2)[1]);
  const files = [];
  for (const arg of args) {
    if (statSync(arg).isDirectory()) for (const f of readdirSync(arg).sort()) files.push(path.join(arg, f));
    else files.push(arg);
  }
  if (threads > 0) {
    const shares = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
    const counts = await Promise.all(
      shares.map((share) => new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url), { workerData: share });
        w.once('message', resolve);
        w.once('error', reject);
      })),
    );
    process.stdout.write(`${files.length} files, ${counts.reduce((a, b) => a + b, 0)} top-level nodes (${threads} threads)\n`);
  } else {
    process.stdout.write(`${files.length} files, ${parseAll(files)} top-level nodes\n`);
  }
} else {
  parentPort.postMessage(parseAll(workerData));
}
