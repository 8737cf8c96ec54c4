/**
 * The offline checker page (dist/web/index.html): a text area, its findings
 * beside it and marked at their lines, updated as you type. The engine runs
 * in a Web Worker made from a blob: URL of the inlined worker code, so the
 * page works from file:// with no server and fetches nothing.
 */
import { decodeReport } from '../decode.js';
import { TEMPLATE_IDS } from '../templates.js';
import type { LintMessage, LintResult } from '../types.js';
import type { CheckSettings, LintAnswer, LintRequest } from './protocol.js';
import { offsetOf, plural } from './text.js';

declare const __IR_LINT_WORKER__: string;

/** Quiet time after a keystroke before the text is linted again. */
const DEBOUNCE_MS = 200;
/** A file larger than this is not read into the page (the CLI's default --max-file-size). */
const MAX_FILE_SIZE = 2 * 1024 * 1024;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`page markup has no #${id}`);
  return el as T;
}

const report = byId<HTMLTextAreaElement>('report');
const editor = byId<HTMLDivElement>('editor');
const gutter = byId<HTMLPreElement>('gutter');
const marks = byId<HTMLDivElement>('marks');
const fileName = byId<HTMLInputElement>('filename');
const nowInput = byId<HTMLInputElement>('now');
const templateSelect = byId<HTMLSelectElement>('template');
const openButton = byId<HTMLButtonElement>('open');
const fileInput = byId<HTMLInputElement>('file');
const fixAllButton = byId<HTMLButtonElement>('fix-all');
const copyButton = byId<HTMLButtonElement>('copy');
const status = byId<HTMLSpanElement>('status');
const postingPanel = byId<HTMLDetailsElement>('posting-panel');
const postingText = byId<HTMLTextAreaElement>('posting');
const configPanel = byId<HTMLDetailsElement>('config-panel');
const configText = byId<HTMLTextAreaElement>('config');
const configError = byId<HTMLParagraphElement>('config-error');
const findingsList = byId<HTMLOListElement>('findings');
const findingsNote = byId<HTMLParagraphElement>('findings-note');
const counts = byId<HTMLSpanElement>('counts');

// ---- the worker ------------------------------------------------------------

const worker = new Worker(URL.createObjectURL(new Blob([__IR_LINT_WORKER__], { type: 'text/javascript' })));
let seq = 0;
const waiting = new Map<number, (answer: LintAnswer) => void>();
worker.onmessage = (event: MessageEvent<LintAnswer>) => {
  const resolve = waiting.get(event.data.seq);
  waiting.delete(event.data.seq);
  resolve?.(event.data);
};
worker.onerror = (event) => {
  event.preventDefault();
  showStatus(`The checker stopped: ${event.message || 'unknown error'}. Reload the page.`);
};

function ask(type: LintRequest['type'], settings: CheckSettings): Promise<LintAnswer> {
  const request: LintRequest = { ...settings, type, seq: ++seq };
  return new Promise((resolve) => {
    waiting.set(request.seq, resolve);
    worker.postMessage(request);
  });
}

// ---- settings --------------------------------------------------------------

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function settings(): CheckSettings {
  return { text: report.value, filePath: fileName.value.trim() || 'report.md', now: nowInput.value, template: templateSelect.value, config: configText.value };
}

for (const id of TEMPLATE_IDS) {
  const option = document.createElement('option');
  option.value = id;
  option.textContent = id;
  templateSelect.append(option);
}
nowInput.value = today();

// ---- linting as you type ---------------------------------------------------

/** The text the findings on screen belong to (fixes apply only to it). */
let shown: { text: string; result: LintResult } | undefined;
let latestLint = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function scheduleLint(delay = DEBOUNCE_MS): void {
  // Until the answer comes, the findings on screen are those of an earlier text.
  findingsList.dataset['state'] = 'pending';
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void lintNow();
  }, delay);
}

async function lintNow(): Promise<void> {
  const s = settings();
  const answerPromise = ask('lint', s);
  latestLint = seq;
  const mine = seq;
  const answer = await answerPromise;
  if (mine !== latestLint) return; // a newer lint is on its way
  showAnswer(answer, s.text);
  if (timer === undefined && s.text === report.value) findingsList.dataset['state'] = 'current';
}

function showAnswer(answer: LintAnswer, text: string): void {
  showConfigProblem(answer.configError);
  if (answer.configError) {
    shown = undefined;
    renderFindings(undefined, 'Fix the config to see findings.');
    return;
  }
  if (answer.error || !answer.result) {
    shown = undefined;
    renderFindings(undefined, `Could not check the text: ${answer.error ?? 'no result'}`);
    return;
  }
  if (text.trim() === '') {
    // An empty box is not a finding ("the file is empty"): it is where one starts.
    shown = undefined;
    renderFindings(undefined, 'Paste a report to check it.');
    return;
  }
  shown = { text, result: answer.result };
  renderFindings(answer.result);
}

function showConfigProblem(problem: string | undefined): void {
  configError.textContent = problem ? `Config: ${problem}` : '';
  if (problem) {
    configText.setAttribute('aria-invalid', 'true');
    configPanel.open = true;
  } else configText.removeAttribute('aria-invalid');
}

function showStatus(text: string): void {
  status.textContent = text;
}

// ---- the findings list and the line marks -----------------------------------

const sevName = (m: LintMessage): 'error' | 'warn' => (m.severity === 2 ? 'error' : 'warn');


function renderFindings(result: LintResult | undefined, note?: string): void {
  findingsList.replaceChildren();
  const messages = result?.messages ?? [];
  counts.textContent = result ? `(${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')})` : '';
  findingsNote.textContent = note ?? (messages.length === 0 ? 'No findings.' : '');
  findingsNote.hidden = findingsNote.textContent === '';
  fixAllButton.disabled = !result || result.fixableErrorCount + result.fixableWarningCount === 0;
  messages.forEach((m, index) => findingsList.append(findingItem(m, index)));
  renderMarks();
}

function findingItem(m: LintMessage, index: number): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `finding ${sevName(m)}`;
  li.dataset['rule'] = m.ruleId ?? '';
  li.dataset['line'] = String(m.line);
  li.dataset['column'] = String(m.column);
  const head = document.createElement('div');
  head.className = 'head';
  const where = document.createElement('button');
  where.type = 'button';
  where.className = 'where';
  where.textContent = `${m.line}:${m.column}`;
  where.setAttribute('aria-label', `Go to line ${m.line}, column ${m.column}`);
  where.addEventListener('click', () => goTo(m));
  const sev = document.createElement('span');
  sev.className = 'sev';
  sev.textContent = sevName(m) === 'error' ? 'error' : 'warning';
  head.append(where, sev);
  if (m.ruleId) {
    const rule = document.createElement(m.url ? 'a' : 'span');
    rule.className = 'rule';
    rule.textContent = m.ruleId;
    if (rule instanceof HTMLAnchorElement && m.url) {
      rule.href = m.url;
      rule.target = '_blank';
      rule.rel = 'noopener noreferrer';
      rule.title = `What ${m.ruleId} checks, and why (opens the rule's documentation)`;
    }
    head.append(rule);
  }
  const msg = document.createElement('p');
  msg.className = 'msg';
  msg.textContent = m.message;
  li.append(head, msg);
  if (m.fix) {
    const fix = document.createElement('button');
    fix.type = 'button';
    fix.className = 'fix';
    fix.textContent = 'Fix';
    fix.setAttribute('aria-label', `Fix: ${m.message}`);
    fix.addEventListener('click', () => fixOne(index));
    li.append(fix);
  }
  return li;
}


function lineHeight(): number {
  return parseFloat(getComputedStyle(report).lineHeight) || 20;
}

function goTo(m: LintMessage): void {
  const text = report.value;
  const start = offsetOf(text, m.line, m.column);
  const end = Math.max(start, offsetOf(text, m.endLine, m.endColumn));
  report.focus();
  report.setSelectionRange(start, end);
  const top = (m.line - 1) * lineHeight();
  if (top < report.scrollTop || top > report.scrollTop + report.clientHeight - 2 * lineHeight()) report.scrollTop = Math.max(0, top - report.clientHeight / 3);
  syncScroll();
}

/** What the gutter shows now: line count and marked lines (it is rebuilt only when that changes). */
let gutterKey = '';

/** The findings on screen: those of the last lint, kept while a newer one is on its way so that marks do not flicker. */
function shownMessages(): LintMessage[] {
  return shown?.result.messages ?? [];
}

function renderGutter(): void {
  let lines = 1;
  const text = report.value;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const byLine = new Map<number, 'error' | 'warn'>();
  for (const m of shownMessages()) if (byLine.get(m.line) !== 'error') byLine.set(m.line, sevName(m));
  const key = `${lines}|${[...byLine].join(';')}`;
  if (key === gutterKey) return;
  gutterKey = key;
  const frag = document.createDocumentFragment();
  for (let l = 1; l <= lines; l++) {
    const span = document.createElement('span');
    const sev = byLine.get(l);
    span.className = sev ? `l ${sev}` : 'l';
    span.textContent = String(l);
    frag.append(span);
  }
  gutter.replaceChildren(frag);
}

function renderMarks(): void {
  renderGutter();
  const lh = lineHeight();
  const padTop = parseFloat(getComputedStyle(report).paddingTop) || 0;
  const seen = new Map<number, HTMLDivElement>();
  const frag = document.createDocumentFragment();
  for (const m of shownMessages()) {
    const prior = seen.get(m.line);
    if (prior) {
      if (m.severity === 2) prior.className = 'mark error';
      continue;
    }
    const band = document.createElement('div');
    band.className = `mark ${sevName(m)}`;
    band.style.top = `${padTop + (m.line - 1) * lh}px`;
    seen.set(m.line, band);
    frag.append(band);
  }
  marks.replaceChildren(frag);
  syncScroll();
}

function syncScroll(): void {
  gutter.scrollTop = report.scrollTop;
  marks.style.transform = `translateY(${-report.scrollTop}px)`;
}

// ---- fixes -----------------------------------------------------------------

/** Replace a range of the text area's text the way typing would, so that undo (Ctrl+Z) takes it back. */
function replaceRange(start: number, end: number, text: string): void {
  report.focus();
  report.setSelectionRange(start, end);
  const done = text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, text);
  if (!done || report.value.slice(start, start + text.length) !== text) {
    report.setRangeText(text, start, end, 'end');
  }
}

function fixOne(index: number): void {
  if (!shown || shown.text !== report.value) {
    showStatus('The text changed since it was checked; press "Fix" again once the findings are updated.');
    return;
  }
  const m = shown.result.messages[index];
  if (!m?.fix) return;
  const [start, end] = m.fix.range;
  replaceRange(start, end, m.fix.text);
  showStatus(`Fixed: ${m.message}`);
  scheduleLint(0);
}

fixAllButton.addEventListener('click', () => {
  void (async () => {
    const before = report.value;
    const answer = await ask('fix-all', settings());
    if (report.value !== before) return showStatus('The text changed while fixing; press "Fix all" again.');
    const output = answer.result?.output;
    if (output === undefined) {
      showStatus('Nothing to fix.');
      return;
    }
    replaceRange(0, before.length, output);
    const left = answer.result ? answer.result.messages.length : 0;
    showStatus(`Fixed what could be fixed; ${plural(left, 'finding')} left.`);
    scheduleLint(0);
  })();
});

// ---- copy for Bugzilla -----------------------------------------------------

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    postingText.focus();
    postingText.select();
    return document.execCommand('copy');
  }
}

copyButton.addEventListener('click', () => {
  void (async () => {
    const answer = await ask('posting', settings());
    if (answer.configError) return showConfigProblem(answer.configError);
    if (answer.posting === undefined) {
      showStatus(`Nothing to copy: ${answer.error ?? answer.result?.messages.find((m) => m.fatal)?.message ?? 'the text could not be read'}`);
      return;
    }
    postingText.value = answer.posting;
    postingPanel.open = true;
    const copied = await copyText(answer.posting);
    const length = [...answer.posting.replace(/\r\n?/g, '\n').trimEnd()].length.toLocaleString('en-US');
    showStatus(copied ? `Copied the text for Bugzilla (${length} characters; Bugzilla takes at most 65,535).` : 'Select the text under "Text for Bugzilla" and copy it.');
  })();
});

// ---- files: open and drop ----------------------------------------------------

async function loadFile(file: File): Promise<void> {
  if (file.size > MAX_FILE_SIZE) return showStatus(`${file.name}: the file is over 2 MB; is this the right file?`);
  const decoded = decodeReport(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return showStatus(`${file.name}: ${decoded.reason}`);
  fileName.value = file.name;
  report.value = decoded.text;
  report.scrollTop = 0;
  showStatus(`Opened ${file.name}.`);
  renderMarks();
  scheduleLint(0);
}

openButton.addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void loadFile(file);
  fileInput.value = '';
});

let dragDepth = 0;
document.addEventListener('dragenter', (e) => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  editor.classList.add('dragging');
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) editor.classList.remove('dragging');
});
document.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
document.addEventListener('drop', (e) => {
  dragDepth = 0;
  editor.classList.remove('dragging');
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  void loadFile(file);
});

// ---- wiring ----------------------------------------------------------------

report.addEventListener('input', () => {
  renderMarks();
  scheduleLint();
});
report.addEventListener('scroll', syncScroll);
for (const el of [fileName, nowInput, templateSelect, configText]) el.addEventListener('input', () => scheduleLint());
templateSelect.addEventListener('change', () => scheduleLint(0));
window.addEventListener('resize', renderMarks);

/** For scripts driving the page (and its tests): check a text with the page's worker, without touching the page. */
(window as unknown as { irLint: unknown }).irLint = {
  check: (s: Partial<CheckSettings> & { text: string }, type: LintRequest['type'] = 'lint') =>
    ask(type, { filePath: 'report.md', now: '', template: 'auto', config: '', ...s }),
};

renderFindings(undefined, 'Paste a report to check it.');
scheduleLint(0);
