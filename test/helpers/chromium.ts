/**
 * Real headless Chromium for the browser tests, through playwright-core
 * (which drives an installed browser and downloads none). The browser is
 * Debian's `chromium` (scripts/setup-chromium.sh installs it), or the one
 * IR_LINT_CHROMIUM names. Where there is none, `HAS_CHROMIUM` is false and
 * the tests skip after one line saying why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function findChromium(): string | undefined {
  const named = process.env['IR_LINT_CHROMIUM'];
  if (named) return existsSync(named) ? named : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export const CHROMIUM: string | undefined = findChromium();

function works(exe: string): boolean {
  try {
    execFileSync(exe, ['--version'], { stdio: 'pipe', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

export const HAS_CHROMIUM = CHROMIUM !== undefined && works(CHROMIUM);

if (!HAS_CHROMIUM && !(globalThis as { __irLintChromiumWarned?: boolean }).__irLintChromiumWarned) {
  (globalThis as { __irLintChromiumWarned?: boolean }).__irLintChromiumWarned = true;
  console.warn(`browser tests skipped: no Chromium found${process.env['IR_LINT_CHROMIUM'] ? ` at ${process.env['IR_LINT_CHROMIUM']}` : ''} (run scripts/setup-chromium.sh, or set IR_LINT_CHROMIUM)`);
}

async function playwright(): Promise<typeof import('playwright-core')> {
  return import('playwright-core');
}

/** A headless Chromium; close it in afterAll. */
export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium (check HAS_CHROMIUM first)');
  const { chromium } = await playwright();
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

export interface ExtensionBrowser {
  context: BrowserContext;
  userDataDir: string;
}

/**
 * A headless Chromium with an unpacked extension loaded, and host names
 * mapped to local servers (`{ 'bugzilla.mozilla.org': '127.0.0.1:8443' }`),
 * certificates not checked (the test server's is self-signed).
 */
export async function launchWithExtension(extensionDir: string, hostMap: Record<string, string> = {}): Promise<ExtensionBrowser> {
  if (!CHROMIUM) throw new Error('no Chromium (check HAS_CHROMIUM first)');
  const { chromium } = await playwright();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ir-lint-chromium-profile-'));
  const rules = Object.entries(hostMap).map(([host, to]) => `MAP ${host} ${to}`);
  const args = [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--ignore-certificate-errors'];
  if (rules.length > 0) args.push(`--host-resolver-rules=${rules.join(', ')}`);
  const context = await chromium.launchPersistentContext(userDataDir, { headless: true, executablePath: CHROMIUM, ignoreHTTPSErrors: true, args });
  return { context, userDataDir };
}

export interface PageWatch {
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests for anything but file:, data: and blob: URLs. */
  network: string[];
}

/** Record what a page must not do: log errors, throw, or reach the network (`allow`: URL prefixes that may be requested). */
export function watchPage(page: Page, allow: string[] = []): PageWatch {
  const watch: PageWatch = { errors: [], network: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.errors.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (/^(file|data|blob):/.test(url) || allow.some((a) => url.startsWith(a))) return;
    watch.network.push(url);
  });
  return watch;
}

/** Assert that a watched page logged no error, threw nothing and requested nothing beyond what `watchPage` allows. */
export function expectCleanPage(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.network).toEqual([]);
}
