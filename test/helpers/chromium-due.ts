/**
 * Headless Chromium for the `-f html` page test, through playwright-core
 * (which drives an installed browser and downloads none): Debian's
 * `chromium` (`apt-get install chromium`), found on PATH or at the usual
 * places, or the one IR_LINT_CHROMIUM names. Where there is none,
 * `DUE_CHROMIUM` is undefined and the test skips after one line saying why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

function onPath(): string | undefined {
  try {
    const found = execFileSync('which', ['chromium'], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', timeout: 5000 }).trim();
    return found !== '' && existsSync(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

function works(exe: string): boolean {
  try {
    execFileSync(exe, ['--version'], { stdio: 'pipe', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

function find(): { exe?: string; why?: string } {
  const named = process.env['IR_LINT_CHROMIUM'];
  const exe = named ?? onPath() ?? CANDIDATES.find((p) => existsSync(p));
  if (!exe || !existsSync(exe)) return { why: `no Chromium found${named ? ` at ${named}` : ''} (apt-get install chromium, or set IR_LINT_CHROMIUM)` };
  if (!works(exe)) return { why: `${exe} --version failed` };
  return { exe };
}

const found = find();
/** The Chromium to run, or undefined (then `DUE_CHROMIUM_MISSING` says why). */
export const DUE_CHROMIUM: string | undefined = found.exe;
export const DUE_CHROMIUM_MISSING: string | undefined = found.why;

/** A headless Chromium; close it when done. */
export async function launchDueChromium(): Promise<Browser> {
  if (!DUE_CHROMIUM) throw new Error('no Chromium (check DUE_CHROMIUM first)');
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: DUE_CHROMIUM, headless: true, args: ['--no-sandbox'] });
}
