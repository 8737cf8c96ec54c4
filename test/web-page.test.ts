/// <reference lib="dom" />
/**
 * The checker page (dist/web/index.html, built by scripts/build-web.mjs) in
 * real headless Chromium, opened from file:// as a user opens it: findings
 * as the CLI gives them, fixes, the text for Bugzilla, the config box,
 * dropped files, both widths, and nothing fetched from the network.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runBin, tempDir } from './helpers/bin.js';
import { launchChromium, HAS_CHROMIUM, watchPage, expectCleanPage, type PageWatch } from './helpers/chromium.js';
import { CORPUS_DIR, HAS_CORPUS, seed } from './helpers/corpus.js';
import { cliFixtureMessages, parityFixtures, PARITY_NOW, shape, type Message } from './helpers/parity.js';
import { webBuild, type WebBuild } from './helpers/web-build.js';

const SEED_003_NOW = '2024-03-21';

interface Finding { rule: string; line: number }

/** What the CLI reports for a text (read from stdin under `name`, no config file unless `args` say). */
function cli(text: string, now: string, name = 'report.md', args = ['--no-config']): Message[] {
  const r = runBin([...args, '--now', now, '-f', 'json', '--stdin-filename', name, '-'], { input: text });
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as Array<{ messages: Message[] }>)[0]!.messages.map(shape);
}

const asFindings = (messages: Message[]): Finding[] => messages.map((m) => ({ rule: m.ruleId ?? '', line: m.line }));

async function findings(page: Page): Promise<Finding[]> {
  await page.waitForSelector('#findings[data-state=current]', { timeout: 15_000 });
  return page.$$eval('#findings li', (items) => items.map((li) => ({ rule: (li as HTMLElement).dataset['rule'] ?? '', line: Number((li as HTMLElement).dataset['line']) })));
}

/** Put text into the report box as a paste does (one input event). */
async function paste(page: Page, text: string): Promise<void> {
  await page.fill('#report', text);
}

describe.skipIf(!HAS_CHROMIUM)('the checker page in Chromium, from file://', () => {
  let build: WebBuild;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  let shots: string;

  beforeAll(async () => {
    build = await webBuild();
    browser = await launchChromium();
    shots = tempDir('ir-lint-web-shots-');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    watch = watchPage(page);
    await page.goto(pathToFileURL(build.page).href);
    await page.fill('#now', PARITY_NOW);
  });

  afterEach(async () => {
    // Every test: no error in the console, no request beyond the page itself and its blob: worker.
    expectCleanPage(watch);
    await context.close();
  });

  it('lists a project fixture\'s findings as the CLI does, and fixes one', async () => {
    const text = readFileSync(path.join(ROOT, 'fixtures/fix/action-item-status.md'), 'utf8');
    await paste(page, text);
    const expected = cli(text, PARITY_NOW);
    expect(expected.some((m) => m.ruleId === 'action-item-status' && m.fix)).toBe(true);
    expect(await findings(page)).toEqual(asFindings(expected));
    // Each finding says its severity and message, links to its rule's docs, and is marked at its line.
    const first = page.locator('#findings li').first();
    await expect.poll(() => first.locator('.msg').textContent()).toBe(expected[0]!.message);
    expect(await first.locator('a.rule').getAttribute('href')).toMatch(new RegExp(`docs/rules\\.md#${expected[0]!.ruleId}$`));
    expect(await page.$$eval('#gutter .l.error, #gutter .l.warn', (ls) => ls.map((l) => Number(l.textContent)))).toEqual([...new Set(expected.map((m) => m.line))].sort((a, b) => a - b));
    expect(await page.locator('#marks .mark').count()).toBe(new Set(expected.map((m) => m.line)).size);

    const target = expected.findIndex((m) => m.fix);
    const fix = expected[target]!.fix as { range: [number, number]; text: string };
    await page.locator('#findings li').nth(target).locator('button.fix').click();
    const fixed = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
    await expect.poll(() => page.inputValue('#report')).toBe(fixed);
    expect(await findings(page)).toEqual(asFindings(cli(fixed, PARITY_NOW)));
    // The fix went in as an edit: undo takes it back.
    await page.focus('#report');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.inputValue('#report')).toBe(text);
  });

  it.skipIf(!HAS_CORPUS)('shows seed 003\'s findings as the CLI does (action-item-status, timeline-order), and fixes one', async () => {
    const text = seed('003_');
    await page.fill('#now', SEED_003_NOW);
    await paste(page, text);
    const expected = cli(text, SEED_003_NOW);
    const shown = await findings(page);
    expect(shown).toEqual(asFindings(expected));
    expect(shown.map((f) => f.rule)).toEqual(expect.arrayContaining(['action-item-status', 'timeline-order']));
    const target = expected.findIndex((m) => m.ruleId === 'action-item-status' && m.fix);
    const fix = expected[target]!.fix as { range: [number, number]; text: string };
    await page.locator('#findings li').nth(target).locator('button.fix').click();
    const fixed = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
    await expect.poll(() => page.inputValue('#report')).toBe(fixed);
    expect(await findings(page)).toEqual(asFindings(cli(fixed, SEED_003_NOW)));
    console.log(`seed 003 (${path.join(CORPUS_DIR, 'seeds')}): ${shown.length} findings in the page, as the CLI`);
  });

  it('"Fix all" gives the text ir-lint --fix writes', async () => {
    const dir = tempDir('ir-lint-web-fix-');
    const file = path.join(dir, 'report.md');
    copyFileSync(path.join(ROOT, 'fixtures/fix/action-item-status.md'), file);
    const text = readFileSync(file, 'utf8');
    expect(runBin(['--no-config', '--now', PARITY_NOW, '--fix', '-f', 'json', file]).code).not.toBe(2);
    const cliFixed = readFileSync(file, 'utf8');
    expect(cliFixed).not.toBe(text);
    await paste(page, text);
    await findings(page);
    await page.click('#fix-all');
    await expect.poll(() => page.inputValue('#report')).toBe(cliFixed);
    expect(await findings(page)).toEqual(asFindings(cli(cliFixed, PARITY_NOW)));
    expect(await page.textContent('#status')).toMatch(/left/);
  });

  it('"Copy for Bugzilla" gives the text of ir-lint --for-bugzilla', async () => {
    const file = 'fixtures/reports/v3-full-posting.md';
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const r = runBin(['--no-config', '--now', PARITY_NOW, '--for-bugzilla', file]);
    expect(r.code).not.toBe(2);
    expect(r.out.length).toBeLessThan(text.length);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await paste(page, text);
    await findings(page);
    await page.click('#copy');
    await expect.poll(() => page.inputValue('#posting')).toBe(r.out);
    expect(await page.locator('#posting-panel').getAttribute('open')).not.toBeNull();
    await expect.poll(() => page.textContent('#status')).toMatch(/^Copied the text for Bugzilla/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(r.out);
  });

  it('takes rule settings from the config box, and shows a bad config beside it', async () => {
    const file = 'fixtures/fix/timeline-date-format.md';
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const config = readFileSync(path.join(ROOT, 'fixtures/fix/.irlintrc.json'), 'utf8');
    const withConfig = cli(text, PARITY_NOW, 'report.md', ['-c', path.join(ROOT, 'fixtures/fix/.irlintrc.json')]);
    expect(withConfig).not.toEqual(cli(text, PARITY_NOW));
    await paste(page, text);
    await page.click('#config-panel summary');
    await page.fill('#config', config);
    expect(await findings(page)).toEqual(asFindings(withConfig));

    await page.fill('#config', '{ "rules": { "timeline-order": "loud" } }');
    await expect.poll(() => page.textContent('#config-error')).toMatch(/^Config: rules\.timeline-order: /);
    expect(await page.getAttribute('#config', 'aria-invalid')).toBe('true');
    await page.fill('#config', '{ "rules": ');
    await expect.poll(() => page.textContent('#config-error')).toMatch(/^Config: line 1, column \d+: invalid JSON/);
    expect(await page.locator('#findings li').count()).toBe(0);
    await page.fill('#config', '');
    expect(await findings(page)).toEqual(asFindings(cli(text, PARITY_NOW)));
    expect(await page.textContent('#config-error')).toBe('');
  });

  it('checks a dropped or opened file as its kind says (.csv, .md), and passes a .bug.json name on', async () => {
    const csv = 'fixtures/csv/broken-values.csv';
    const csvText = readFileSync(path.join(ROOT, csv), 'utf8');
    const drop = async (name: string, text: string): Promise<void> => {
      await page.evaluate(
        ([n, t]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([t as string], n as string));
          const target = document.getElementById('report') as HTMLElement;
          target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
          target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
        },
        [name, text],
      );
    };
    await drop('broken-values.csv', csvText);
    await expect.poll(() => page.inputValue('#filename')).toBe('broken-values.csv');
    const expected = cli(csvText, PARITY_NOW, 'broken-values.csv');
    expect(expected.length).toBeGreaterThan(0);
    expect(await findings(page)).toEqual(asFindings(expected));

    const md = path.join(ROOT, 'fixtures/reports/v3-full-timeline-broken.md');
    await page.setInputFiles('#file', md);
    await expect.poll(() => page.inputValue('#filename')).toBe('v3-full-timeline-broken.md');
    expect(await findings(page)).toEqual(asFindings(cli(readFileSync(md, 'utf8'), PARITY_NOW)));

    await drop('bug-1234.bug.json', '{"bugs": []}');
    await expect.poll(() => page.inputValue('#filename')).toBe('bug-1234.bug.json');
    const answer = await page.evaluate(() => (window as unknown as { irLint: { check(s: object): Promise<{ result?: { filePath: string } }> } }).irLint.check({ text: '{}', filePath: 'bug-1234.bug.json' }));
    expect(answer.result?.filePath).toBe('bug-1234.bug.json');

    // A binary file is refused with one line, not read as text.
    await page.setInputFiles('#file', { name: 'shot.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    await expect.poll(() => page.textContent('#status')).toMatch(/^shot\.png: binary file \(a PNG image\)/);
  });

  it('gives every fixture the CLI\'s messages through its worker', async () => {
    const files = parityFixtures();
    const expected = cliFixtureMessages(files);
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const answer = await page.evaluate(
        ([t, f, now]) => (window as unknown as { irLint: { check(s: object): Promise<{ result?: { messages: unknown[] } }> } }).irLint.check({ text: t, filePath: f, now }),
        [text, file, PARITY_NOW],
      );
      expect((answer.result?.messages as Message[]).map(shape), file).toEqual(expected.get(file));
    }
  }, 60_000);

  it('is usable by keyboard and at 1280 and 400 px wide (screenshots in a temporary folder)', async () => {
    await paste(page, readFileSync(path.join(ROOT, 'fixtures/reports/v3-full-timeline-broken.md'), 'utf8'));
    await findings(page);
    // Tab order: the settings, the report, then the actions and the findings.
    await page.click('h1'); // the start of sequential focus navigation: the top of the page
    const order: string[] = [];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
      if (order[order.length - 1] !== id) order.push(id);
    }
    const at = (id: string): number => order.indexOf(id);
    for (const id of ['filename', 'now', 'template', 'open', 'report', 'copy', 'where']) expect(at(id), `${id} in ${order.join(' ')}`).toBeGreaterThanOrEqual(0);
    expect(at('filename')).toBeLessThan(at('now'));
    expect(at('now')).toBeLessThan(at('template'));
    expect(at('template')).toBeLessThan(at('open'));
    expect(at('open')).toBeLessThan(at('report'));
    expect(at('report')).toBeLessThan(at('copy'));
    expect(at('copy')).toBeLessThan(at('where'));
    // Focus is visible.
    await page.focus('#copy');
    expect(await page.$eval('#copy', (el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

    await page.screenshot({ path: path.join(shots, 'page-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    const boxes = await page.$$eval('#report, #findings', (els) => els.map((e) => e.getBoundingClientRect().toJSON() as { left: number; right: number; width: number }));
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(400);
      expect(b.width).toBeGreaterThan(250);
    }
    await page.screenshot({ path: path.join(shots, 'page-400.png'), fullPage: true });
    console.log(`page screenshots: ${path.join(shots, 'page-1280.png')} and ${path.join(shots, 'page-400.png')}`);
  });
});
