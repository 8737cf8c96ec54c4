/**
 * The morning view through the built binary: `-f html -o due.html` over the
 * thread fixtures, opened in real headless Chromium from file:// (no console
 * or page errors, no request but file: and data:, every open bug shown, the
 * overdue rows marked, a screenshot at 1280 and 400 px for a person to look
 * at), and the page's escaping of what an export holds. `npm run build`
 * first.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT, runBin, tempDir } from './helpers/bin.js';
import { HAS_CHROMIUM, launchChromium } from './helpers/chromium.js';
import { bugExportText, CA } from './helpers/thread-export.js';

const NOW = '2025-12-01';
const FIXTURES = path.join(ROOT, 'fixtures', 'threads');

/** The readable exports of the fixture folder (the malformed one's expected output says it cannot be read). */
function readableFixtures(): string[] {
  return readdirSync(FIXTURES).filter((n) => n.endsWith('.bug.json') && !readFileSync(path.join(FIXTURES, n.replace(/\.bug\.json$/, '.expected.txt')), 'utf8').includes('Cannot read the bug export'));
}

/** The open bugs of the fixture folder, read straight from the exports (not through ir-lint). */
function openFixtureBugs(): number[] {
  const ids: number[] = [];
  for (const f of readableFixtures()) {
    let bug: { id: number; status: string };
    try {
      bug = (JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as { bug: { id: number; status: string } }).bug;
    } catch {
      continue;
    }
    if (!['RESOLVED', 'VERIFIED', 'CLOSED'].includes(bug.status)) ids.push(bug.id);
  }
  return ids.sort();
}

function closedFixtureBugs(): number[] {
  const ids: number[] = [];
  for (const f of readableFixtures()) {
    {
      const { bug } = JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as { bug: { id: number; status: string } };
      if (['RESOLVED', 'VERIFIED', 'CLOSED'].includes(bug.status)) ids.push(bug.id);
    }
  }
  return ids;
}

describe('-f html through the built binary', () => {
  const dir = tempDir('ir-lint-due-html-');
  const page = path.join(dir, 'due.html');
  let html = '';
  let run: ReturnType<typeof runBin>;

  beforeAll(() => {
    run = runBin(['--now', NOW, '-f', 'html', '-o', page, 'fixtures/threads']);
    html = existsSync(page) ? readFileSync(page, 'utf8') : '';
  });

  it('writes the page to the output file (exit 2: the folder holds a malformed export), stdout empty, the findings on stderr', () => {
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/1999005-malformed\.bug\.json/);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('is self-contained: no external script, stylesheet, image or font, a CSP that allows none', () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('lists every open bug of the folder in the table and as a time line, and no closed one', () => {
    const open = openFixtureBugs();
    expect(open.length).toBeGreaterThan(2);
    for (const id of open) {
      expect(html).toMatch(new RegExp(`<tr[^>]*data-bug="${id}"`));
      expect(html).toContain(`id="bug-${id}"`);
    }
    for (const id of closedFixtureBugs()) expect(html).not.toContain(`data-bug="${id}"`);
    expect(html).toMatch(/Files that could not be read<\/h2><ul><li><code>[^<]*1999005-malformed\.bug\.json<\/code>: Cannot read the bug export: comments\[2\]\.creation_time/);
  });

  it('marks the CA\'s reports and the questions on each time line and in its list', () => {
    const section = (id: number): string => html.slice(html.indexOf(`<section class="bug`, html.indexOf(`id="bug-${id}"`) - 40), html.indexOf('</section>', html.indexOf(`id="bug-${id}"`)));
    expect(section(1999003)).toMatch(/<span class="badge report">Preliminary report<\/span>/);
    expect(section(1999003)).toMatch(/<span class="badge report">Full report<\/span>/);
    expect(html).toMatch(/<strong>Question<\/strong>: answered by comment \d+, [\d.]+ days? later \(due /);
    // The deadlines each bug owes, the overdue ones marked in words.
    expect(section(1955799)).toMatch(/<li><strong class="mark overdue">OVERDUE<\/strong> <strong>update<\/strong> due 2025-03-31 03:00 UTC/);
  });

  it.skipIf(!HAS_CHROMIUM)('renders in headless Chromium from file:// with no errors, no network, every open bug shown, overdue rows marked; screenshots written', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const shots = path.join(dir, 'screenshots');
      mkdirSync(shots, { recursive: true });
      for (const width of [1280, 400]) {
        const tab = await browser.newPage({ viewport: { width, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        tab.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
        });
        tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        tab.on('request', (r) => requests.push(r.url()));
        await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
        expect(problems).toEqual([]);
        expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
        const shown = await tab.$$eval('tr[data-bug]', (rows) => rows.map((r) => Number(r.getAttribute('data-bug'))));
        expect([...shown].sort()).toEqual(openFixtureBugs());
        for (const id of openFixtureBugs()) expect(await tab.isVisible(`#bug-${id} h3`)).toBe(true);
        // Overdue rows: marked in words (not only colour) and by class; the others not.
        const rows = await tab.$$eval('tr[data-bug]', (trs) => trs.map((r) => ({ id: Number(r.getAttribute('data-bug')), overdue: r.classList.contains('overdue'), text: (r as unknown as { innerText: string }).innerText })));
        const overdue = rows.filter((r) => r.overdue);
        expect(overdue.map((r) => r.id).sort()).toEqual([1955799, 1999004]);
        for (const r of rows) expect(/OVERDUE by/.test(r.text)).toBe(r.overdue);
        // Overdue bugs come first in their group, the first group holds an overdue bug.
        expect(rows[0]?.overdue).toBe(true);
        // The table fits a 400 px screen without the page scrolling sideways.
        const scroll = await tab.evaluate(() => {
          const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
        expect(scroll).toBeLessThanOrEqual(1);
        const shot = path.join(shots, `due-${width}.png`);
        await tab.screenshot({ path: shot, fullPage: true });
        expect(readFileSync(shot).subarray(1, 4).toString('latin1')).toBe('PNG');
        console.log(`screenshot: ${shot}`);
        await tab.close();
      }
    } finally {
      await browser?.close();
    }
  }, 60_000);

});

describe('-f html escapes what an export holds', () => {
  const dir = tempDir('ir-lint-due-esc-');
  const evil = '<script>alert("x")</script> & \'quoted\' "double"';
  writeFileSync(
    path.join(dir, '1900100.bug.json'),
    bugExportText({ id: 1900100, summary: `Evil <b>CA</b>: ${evil}`, whiteboard: '[ca-compliance] Next update 2025-12-03' }, [
      { text: `We will report. ${evil}`, creator: CA, creation_time: '2025-11-01T10:00:00Z' },
      { text: `Why? ${evil}`, creator: `<img src=x onerror=alert(1)>@example.org`, creation_time: '2025-11-10T10:00:00Z' },
    ], [], { source: 'https://bugzilla.example/"><script>alert(2)</script>' }),
  );
  const run = runBin(['--now', NOW, '-f', 'html', '1900100.bug.json'], { cwd: dir });

  it('shows the summary and the author escaped, never as markup, and an address with quotes stays inside its href', () => {
    expect(run.err).toBe('');
    expect(run.code).not.toBe(2);
    const out = run.out;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>CA</b>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;double&quot;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;@example.org');
    expect(out).toContain('href="https://bugzilla.example/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;/show_bug.cgi?id=1900100"');
    // The reviewer's comment is a question the CA owes an answer to (7 days: due 2025-11-17 10:00), overdue by 13 whole days on 2025-12-01.
    expect(out).toMatch(/<strong>Question<\/strong>: unanswered: answer was due 2025-11-17 10:00 UTC, OVERDUE by 13 days/);
  });

  it('writes nothing but stdout without -o', () => {
    expect(readdirSync(dir)).toEqual(['1900100.bug.json']);
  });
});
