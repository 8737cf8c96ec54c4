/**
 * What `npm run build:web` (scripts/build-web.mjs) writes, read as files:
 * one self-contained ASCII page that can reach nothing, and a Manifest V3
 * extension that asks for nothing beyond its match pattern. The browser
 * tests (test/web-page.test.ts, test/web-extension.test.ts) run them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { webBuild, type WebBuild } from './helpers/web-build.js';

/** Browser APIs that send data somewhere: none may appear in what the page or the extension runs. */
const NETWORK_APIS = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection)\b/;

describe('npm run build:web', () => {
  let build: WebBuild;
  beforeAll(async () => {
    build = await webBuild();
  }, 60_000);

  it('writes one page with its scripts, styles and worker inline, in ASCII', () => {
    const html = readFileSync(build.page, 'utf8');
    expect(readdirSync(build.dir).sort()).toEqual(['extension', 'index.html']);
    expect(html).toContain('<script>');
    const markup = html.slice(0, html.indexOf('<script>')) + html.slice(html.lastIndexOf('</script>'));
    expect(markup).not.toMatch(/<script\b|<link\b|<img\b|<iframe\b|@import|url\(|\bsrc=/i);
    expect(/[^\x00-\x7f]/.test(html)).toBe(false);
    // The inline script cannot end early.
    const script = html.slice(html.indexOf('<script>') + 8, html.lastIndexOf('</script>'));
    expect(script).not.toMatch(/<\/script|<!--/i);
    expect(script).not.toMatch(NETWORK_APIS);
    // The page's policy forbids connections, other scripts and form posts; only its own blob: worker may start.
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp.split(/;\s*/)).toEqual(expect.arrayContaining(["default-src 'none'", "connect-src 'none'", 'worker-src blob:', "form-action 'none'"]));
    const size = Buffer.byteLength(html);
    const gz = gzipSync(html, { level: 9 }).length;
    console.log(`dist/web/index.html: ${(size / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(0)} KiB gzipped`);
    expect(gz).toBeLessThan(400 * 1024);
  });

  it('writes a Manifest V3 extension for bugzilla.mozilla.org that asks for no permission', () => {
    const manifest = JSON.parse(readFileSync(path.join(build.extension, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(readdirSync(build.extension).sort()).toEqual(['content.css', 'content.js', 'manifest.json']);
    expect(manifest['manifest_version']).toBe(3);
    expect(manifest['content_scripts']).toEqual([{ matches: ['https://bugzilla.mozilla.org/*'], js: ['content.js'], css: ['content.css'], run_at: 'document_idle' }]);
    for (const key of ['permissions', 'host_permissions', 'optional_permissions', 'background', 'web_accessible_resources', 'externally_connectable']) expect(manifest[key], key).toBeUndefined();
    const gecko = (manifest['browser_specific_settings'] as { gecko: { id: string; data_collection_permissions: unknown } }).gecko;
    expect(gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest['version']).toBe((JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version);
    const content = readFileSync(path.join(build.extension, 'content.js'), 'utf8');
    expect(/[^\x00-\x7f]/.test(content)).toBe(false);
    expect(content).not.toMatch(NETWORK_APIS);
  });
});
