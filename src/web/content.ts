/**
 * The browser extension's content script on bugzilla.mozilla.org: lints the
 * comment box (`textarea#comment`) as the author types and lists the
 * findings under it; when "Save Changes" is pressed while the comment has
 * errors, it asks (confirm) whether to post anyway. It never stops a post
 * the author confirms, and it sends nothing anywhere: the engine runs here.
 *
 * A comment is what Bugzilla shows, so it is checked as it stands (the
 * posting rules see raw HTML and images as Bugzilla would), as of the moment
 * it is checked.
 */
import { check } from './engine.js';
import type { LintAnswer, LintRequest } from './protocol.js';
import type { LintMessage } from '../types.js';
import { offsetOf, plural } from './text.js';

const DEBOUNCE_MS = 400;
const PANEL_ID = 'ir-lint-panel';
const MAX_LISTED = 50;

let seq = 0;

/** Most comments on a bug are not incident reports: a comment with no report template is left alone. */
function notAReport(answer: LintAnswer): boolean {
  return answer.result?.messages.some((m) => m.ruleId === 'report-template' && m.messageId === 'noTemplate') === true;
}

function request(text: string): LintRequest {
  return { type: 'lint', seq: ++seq, text, filePath: 'comment.md', now: '', template: 'auto', config: '' };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}



function attach(textarea: HTMLTextAreaElement): void {
  if (document.getElementById(PANEL_ID)) return;
  const panel = el('div', 'ir-lint-panel');
  panel.id = PANEL_ID;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'ir-lint findings for this comment');
  panel.hidden = true;
  const summary = el('p', 'ir-lint-summary');
  summary.setAttribute('aria-live', 'polite');
  const list = el('ol', 'ir-lint-list');
  panel.append(summary, list);
  textarea.insertAdjacentElement('afterend', panel);

  /** The last answer and the text it is for. */
  let last: { text: string; answer: LintAnswer } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function lintNow(): Promise<{ text: string; answer: LintAnswer }> {
    const text = textarea.value;
    const answer = await check(request(text));
    if (answer.seq === seq) {
      last = { text, answer };
      render(last.answer, text);
    }
    return { text, answer };
  }

  function render(answer: LintAnswer, text: string): void {
    list.replaceChildren();
    if (text.trim() === '') {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    const result = answer.result;
    if (!result) {
      summary.textContent = `ir-lint could not check this comment: ${answer.error ?? answer.configError ?? 'no result'}`;
      return;
    }
    if (notAReport(answer)) {
      panel.classList.remove('ir-lint-has-errors');
      summary.textContent = 'ir-lint: no incident report template recognised in this comment, so it is not checked.';
      return;
    }
    panel.classList.toggle('ir-lint-has-errors', result.errorCount > 0);
    summary.textContent =
      result.messages.length === 0
        ? 'ir-lint: no findings in this comment.'
        : `ir-lint: ${plural(result.errorCount, 'error')} and ${plural(result.warningCount, 'warning')} in this comment (checked here; nothing is sent anywhere).`;
    for (const m of result.messages.slice(0, MAX_LISTED)) list.append(item(m));
    if (result.messages.length > MAX_LISTED) list.append(el('li', 'ir-lint-more', `and ${result.messages.length - MAX_LISTED} more`));
  }

  function item(m: LintMessage): HTMLLIElement {
    const li = el('li', `ir-lint-finding ir-lint-${m.severity === 2 ? 'error' : 'warn'}`);
    li.dataset['rule'] = m.ruleId ?? '';
    li.dataset['line'] = String(m.line);
    const where = el('button', 'ir-lint-where', `line ${m.line}`);
    where.type = 'button';
    where.addEventListener('click', () => {
      const start = offsetOf(textarea.value, m.line, m.column);
      textarea.focus();
      textarea.setSelectionRange(start, Math.max(start, offsetOf(textarea.value, m.endLine, m.endColumn)));
    });
    li.append(where, el('span', 'ir-lint-sev', m.severity === 2 ? 'error' : 'warning'));
    if (m.ruleId) {
      const rule = el(m.url ? 'a' : 'span', 'ir-lint-rule', m.ruleId);
      if (rule instanceof HTMLAnchorElement && m.url) {
        rule.href = m.url;
        rule.target = '_blank';
        rule.rel = 'noopener noreferrer';
      }
      li.append(rule);
    }
    li.append(el('span', 'ir-lint-msg', m.message));
    return li;
  }

  textarea.addEventListener('input', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void lintNow();
    }, DEBOUNCE_MS);
  });

  const form = textarea.form ?? document.getElementById('changeform');
  if (!(form instanceof HTMLFormElement)) return;
  /** Set while a submit that was already checked (or confirmed) goes on. */
  let confirmed = false;

  /** Warn about errors; true when the author wants to post anyway (or there is nothing to warn about). */
  function goAhead(answer: LintAnswer): boolean {
    const errors = answer.result?.messages.filter((m) => m.severity === 2) ?? [];
    if (errors.length === 0 || notAReport(answer)) return true;
    const shown = errors.slice(0, 5).map((m) => `- line ${m.line}: ${m.ruleId ?? 'error'}: ${m.message}`);
    if (errors.length > 5) shown.push(`- and ${errors.length - 5} more`);
    const ok = window.confirm(`ir-lint found ${plural(errors.length, 'error')} in this comment:\n\n${shown.join('\n')}\n\nPost it anyway? (OK posts the comment; Cancel goes back to edit it.)`);
    if (!ok) {
      panel.scrollIntoView({ block: 'nearest' });
      textarea.focus();
    }
    return ok;
  }

  form.addEventListener(
    'submit',
    (event: SubmitEvent) => {
      if (confirmed) {
        confirmed = false;
        return;
      }
      const text = textarea.value;
      if (text.trim() === '') return;
      if (last && last.text === text) {
        if (!goAhead(last.answer)) event.preventDefault();
        return;
      }
      // Not checked yet (typed within the last moment): hold the submit, check, then let it go on.
      event.preventDefault();
      const submitter = event.submitter;
      void lintNow().then(({ answer }) => {
        if (!goAhead(answer)) return;
        confirmed = true;
        // The same button again, so that its name and value go with the form and the page's own submit handlers run.
        // From a later task: Chromium ignores a submission a content script starts in the task that showed the dialog.
        setTimeout(() => {
          if (submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement) form.requestSubmit(submitter);
          else form.requestSubmit();
        }, 0);
      });
    },
    true,
  );

  if (textarea.value.trim() !== '') void lintNow();
}

function start(): void {
  const found = document.querySelector('textarea#comment');
  if (found instanceof HTMLTextAreaElement) return attach(found);
  // Some pages add the comment box later.
  const observer = new MutationObserver(() => {
    const later = document.querySelector('textarea#comment');
    if (later instanceof HTMLTextAreaElement) {
      observer.disconnect();
      attach(later);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

start();
