/**
 * The Appendix files a report names, read beside it through the host's Io
 * and parsed for the report's rules (`ctx.attachments`). Shared by the CLI
 * (main thread and workers) and `lint()` with a file-system host.
 */
import path from 'node:path';
import { decodeReport } from './decode.js';
import type { Io } from './io.js';
import { kindOf } from './kinds.js';
import { attachmentNamesIn } from './parse/appendix.js';
import { parseAttachment, type PairedAttachment } from './parse/attachment.js';

/** At most this many files a report names are looked for beside it. */
const MAX_PAIRED = 20;

/** Names of Appendix files a report's text gives: front matter `appendix:` (quoted names may hold spaces) and *.csv / *.txt names. */
function namesInReport(text: string): string[] {
  const names = attachmentNamesIn(text);
  if (text.startsWith('---')) {
    const end = text.indexOf('\n---', 3);
    const fm = end > 0 ? text.slice(0, end) : '';
    for (const m of fm.matchAll(/^(?:appendix:[ \t]*|[ \t]*-[ \t]+)(["'])([^"'\r\n]+)\1[ \t]*$/gm)) {
      const name = (m[2] as string).trim();
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * The Appendix files a report names that exist beside it (relative to its
 * directory), read and parsed for the report's rules. Files that cannot be
 * read, are too large or are not an attachment are left out: the report's
 * rules then see no attachment by that name.
 */
export async function pairedAttachments(io: Io, reportPath: string, text: string, maxAttachmentSize: number): Promise<PairedAttachment[]> {
  const out: PairedAttachment[] = [];
  const dir = path.dirname(path.resolve(io.cwd, reportPath));
  for (const name of namesInReport(text).slice(0, MAX_PAIRED)) {
    if (path.isAbsolute(name) || name.split(/[\\/]/).includes('..')) continue;
    const file = path.resolve(dir, name);
    try {
      const st = await io.stat(file);
      if (st.kind !== 'file' || (maxAttachmentSize > 0 && st.size > maxAttachmentSize)) continue;
      const decoded = decodeReport(await io.readFile(file));
      if (!decoded.ok) continue;
      const kind = kindOf(name, decoded.text);
      if (kind === 'report') continue;
      out.push({ name, attachment: parseAttachment(kind, decoded.text) });
    } catch {
      // Not there (or unreadable): not paired.
    }
  }
  return out;
}
