import { outline } from '../dist/src/parse/outline.js';
for (const s of ['abc\n|---|\n', 'abc\n---|---\n', 'a\n-|-\n', 'abc def\n:-:|\n', 'abc\n|-\n', 'a b\n| - |\n| x |\n', 'a | b\n-|-\n']) console.log(JSON.stringify(s), outline(s).map((n) => n.type).join(','));
