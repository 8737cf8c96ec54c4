/// <reference lib="dom" />
/**
 * The browser extension (dist/web/extension/, built by scripts/build-web.mjs)
 * loaded unpacked into headless Chromium, on a page with Bugzilla's comment
 * form markup served over TLS (a self-signed certificate made for the test)
 * on 127.0.0.1 and mapped to bugzilla.mozilla.org: findings under the
 * comment box as the author types, a warning on "Save Changes" that lets
 * the post go on, and nothing fetched from anywhere else.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin, tempDir } from './helpers/bin.js';
import { HAS_CHROMIUM, launchWithExtension, watchPage, expectCleanPage, type ExtensionBrowser, type PageWatch } from './helpers/chromium.js';
import { HAS_CORPUS, seed } from './helpers/corpus.js';
import { shape, type Message } from './helpers/parity.js';
import { webBuild } from './helpers/web-build.js';

const HOST = 'bugzilla.mozilla.org';

/** A self-signed certificate for the Bugzilla host name, or undefined when openssl is missing. */
function selfSigned(): { key: Buffer; cert: Buffer } | undefined {
  const dir = tempDir('ir-lint-tls-');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`, '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'pipe' });
  } catch {
    return undefined;
  }
  return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
}

const TLS = HAS_CHROMIUM ? selfSigned() : undefined;
if (HAS_CHROMIUM && !TLS) console.warn('extension test skipped: openssl could not make a certificate for the local Bugzilla page');

/** Bugzilla's bug page as far as the extension reads it: form#changeform, textarea#comment, the Save Changes button. */
const BUG_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>1234 - Example CA: incident report</title></head>
<body>
<form name="changeform" id="changeform" method="post" action="process_bug.cgi">
  <input type="hidden" name="id" value="1234">
  <div id="add-comment">
    <label for="comment">Comment</label>
    <textarea name="comment" id="comment" rows="10" cols="80"></textarea>
  </div>
  <button type="submit" id="commit" class="save-btn primary">Save Changes</button>
</form>
</body></html>`;

describe.skipIf(!HAS_CHROMIUM || !TLS)('the extension on a Bugzilla bug page', () => {
  let server: Server;
  let browser: ExtensionBrowser;
  let page: Page;
  let watch: PageWatch;
  const posts: string[] = [];

  beforeAll(async () => {
    const build = await webBuild();
    server = createServer({ key: TLS!.key, cert: TLS!.cert }, (req, res) => {
      if (req.method === 'POST' && req.url?.startsWith('/process_bug.cgi')) {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          posts.push(body);
          res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Changes submitted</title><p id="done">Changes submitted for bug 1234</p>');
        });
        return;
      }
      if (req.url === '/favicon.ico') return void res.writeHead(204).end();
      if (req.url?.startsWith('/show_bug.cgi')) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BUG_PAGE);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    browser = await launchWithExtension(build.extension, { [HOST]: `127.0.0.1:${port}` });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    watch = watchPage(page, [`https://${HOST}/`]);
  }, 90_000);

  afterAll(async () => {
    await browser?.context.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function openBug(): Promise<void> {
    await page.goto(`https://${HOST}/show_bug.cgi?id=1234`);
    // The content script puts its (empty, hidden) panel under the comment box once it runs.
    await page.waitForSelector('#ir-lint-panel', { state: 'attached', timeout: 15_000 });
  }

  async function panelFindings(): Promise<Array<{ rule: string; line: number }>> {
    return page.$$eval('#ir-lint-panel li[data-rule]', (items) => items.map((li) => ({ rule: (li as HTMLElement).dataset['rule'] ?? '', line: Number((li as HTMLElement).dataset['line']) })));
  }

  /** Type a report into the comment box: pasted, then one keystroke, as an author would. */
  async function typeComment(text: string): Promise<void> {
    await page.fill('#comment', text.slice(0, -1));
    await page.focus('#comment');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text.slice(-1));
  }

  function cliNow(text: string): Message[] {
    const r = runBin(['--no-config', '--now', new Date().toISOString(), '-f', 'json', '--stdin-filename', 'comment.md', '-'], { input: text });
    return (JSON.parse(r.out) as Array<{ messages: Message[] }>)[0]!.messages.map(shape);
  }

  it.skipIf(!HAS_CORPUS)('shows seed 003\'s findings under the comment box as it is typed', async () => {
    await openBug();
    const text = seed('003_');
    await typeComment(text);
    await page.waitForSelector('#ir-lint-panel li[data-rule="action-item-status"]', { timeout: 15_000 });
    await page.waitForSelector('#ir-lint-panel li[data-rule="timeline-order"]');
    const expected = cliNow(text);
    expect(await panelFindings()).toEqual(expected.map((m) => ({ rule: m.ruleId, line: m.line })));
    // Under the comment box, and visible.
    const [box, panel] = await Promise.all([page.locator('#comment').boundingBox(), page.locator('#ir-lint-panel').boundingBox()]);
    expect(panel!.y).toBeGreaterThanOrEqual(box!.y + box!.height - 1);
    expect(await page.textContent('#ir-lint-panel .ir-lint-summary')).toMatch(/error/);
  });

  it('warns on Save Changes when the comment has errors; Cancel stays, OK posts', async () => {
    await openBug();
    const text = readFileSync(path.join(ROOT, 'fixtures/fix/action-item-status.md'), 'utf8');
    await typeComment(text);
    await page.waitForSelector('#ir-lint-panel li[data-rule="action-item-status"]', { timeout: 15_000 });
    const before = posts.length;

    const dialogs: string[] = [];
    page.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.click('#commit');
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/^ir-lint found \d+ errors? in this comment:/);
    expect(dialogs[0]).toMatch(/\n- line \d+: [a-z-]+: /);
    await page.waitForTimeout(300);
    expect(posts.length).toBe(before);
    expect(page.url()).toMatch(/show_bug\.cgi/);

    page.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await Promise.all([page.waitForURL(/process_bug\.cgi/), page.click('#commit')]);
    expect(dialogs.length).toBe(2);
    expect(posts.length).toBe(before + 1);
    expect(new URLSearchParams(posts[before]).get('comment')).toBe(text.replace(/\r?\n/g, '\r\n'));
  });

  it('lets a comment that is not an incident report go without a word', async () => {
    for (const text of ['Thanks, we will post the Full Incident Report by Friday.\n']) {
      await openBug();
      await typeComment(text);
      await expect.poll(() => page.textContent('#ir-lint-panel .ir-lint-summary')).toMatch(/no incident report template recognised/);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const before = posts.length;
      await Promise.all([page.waitForURL(/process_bug\.cgi/), page.click('#commit')]);
      expect(dialogs).toEqual([]);
      expect(posts.length).toBe(before + 1);
      page.removeAllListeners('dialog');
    }
  });

  it('Save pressed right after typing, or a submit from the page\'s own script: checked first, then the warning', async () => {
    const text = readFileSync(path.join(ROOT, 'fixtures/fix/action-item-status.md'), 'utf8');
    const ways: Array<[string, () => Promise<unknown>]> = [
      ['Save pressed', () => page.click('#commit')],
      ['requestSubmit() from the page', () => page.evaluate(() => (document.getElementById('changeform') as HTMLFormElement).requestSubmit())],
    ];
    for (const [how, submit] of ways) {
      await openBug();
      await page.fill('#comment', text);
      const dialogs: string[] = [];
      page.once('dialog', (d) => {
        dialogs.push(d.message());
        void d.accept();
      });
      const before = posts.length;
      await submit();
      await expect.poll(() => dialogs.length, { message: how, timeout: 10_000 }).toBe(1);
      expect(dialogs[0]).toMatch(/^ir-lint found \d+ errors? in this comment:/);
      await page.waitForURL(/process_bug\.cgi/);
      expect(posts.length).toBe(before + 1);
      expect(new URLSearchParams(posts[before]).get('comment')).toBe(text.replace(/\r?\n/g, '\r\n'));
    }
  });

  it('fetched nothing but the bug page and its form post, and logged no error', () => {
    expectCleanPage(watch);
  });
});
