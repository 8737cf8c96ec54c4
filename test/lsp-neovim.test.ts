/**
 * The language server in a real editor: Neovim's built-in LSP client, in
 * --headless mode, opens a report and collects the diagnostics it shows.
 * Debian 12's Neovim is 0.7, hence vim.lsp.start_client plus
 * buf_attach_client (vim.lsp.start came in 0.8). Skipped, with one line,
 * where there is no nvim (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers/bin.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const HAS_NVIM = nvim.status === 0;
if (!HAS_NVIM) console.warn('Neovim language server test skipped: no nvim on PATH (apt-get install neovim)');

const LUA = `
local file, out, node, bin = vim.env.IRL_FILE, vim.env.IRL_OUT, vim.env.IRL_NODE, vim.env.IRL_BIN
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'ir-lint', cmd = { node, bin, '--lsp', '--stdio', '--now', '2025-08-01' }, root_dir = vim.fn.fnamemodify(file, ':h') })
vim.lsp.buf_attach_client(buf, id)
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = (d.user_data and d.user_data.lsp) or {}
  local href = (lsp.codeDescription and lsp.codeDescription.href) or ''
  table.insert(lines, string.format('%d:%d %s %s %s %s', d.lnum, d.col, tostring(d.code or lsp.code), d.severity, tostring(d.source), href))
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd('qa!')
`;

describe.skipIf(!HAS_NVIM)(`ir-lint --lsp in Neovim (${HAS_NVIM ? (nvim.stdout.split('\n')[0] ?? '') : 'absent'})`, () => {
  it('shows the findings of a report with their rule ids, severities and docs links', () => {
    const dir = tempDir('ir-lint-nvim-');
    const file = path.join(dir, 'caa.md');
    const text = readFileSync(path.join(ROOT, 'fixtures', 'fix', 'action-item-status.md'), 'utf8');
    writeFileSync(file, text);
    const script = path.join(dir, 'client.lua');
    writeFileSync(script, LUA);
    const out = path.join(dir, 'diagnostics.txt');
    const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${script}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, IRL_FILE: file, IRL_OUT: out, IRL_NODE: process.execPath, IRL_BIN: BIN },
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const doneLine = text.split('\n').findIndex((l) => l.includes('| Done |'));
    const col = (text.split('\n')[doneLine] as string).indexOf('Done');
    // Neovim's severities: 1 error, 2 warning.
    expect(lines).toContain(`${doneLine}:${col} action-item-status 1 ir-lint https://github.com/ir-lint/ir-lint/blob/main/docs/rules.md#action-item-status`);
    expect(lines.filter((l) => / action-item-status /.test(l))).toHaveLength(3);
    expect(lines.some((l) => / field-required 1 ir-lint /.test(l))).toBe(true);
  }, 90_000);
});
