/**
 * `-f html` (with `-o due.html`): the morning view as one self-contained
 * page. A table of the open bugs with their next deadlines, grouped by CA
 * and ordered as `-f due` orders them (overdue rows marked in words, not
 * only in colour), then for each open bug its time line: a horizontal axis
 * from the first comment to the judging time with the CA's comments and
 * everyone else's on two lanes, the reports (Preliminary, Full, Closure), the
 * questions and how long each waited for the CA's answer, the open deadlines
 * and the lifecycle findings; below it the same as a list, which screen
 * readers read (the drawing is hidden from them). Closed bugs are left out.
 *
 * No network and no external assets: inline CSS, no script, no fonts or
 * images. Every text from a report or an export is HTML-escaped; links go
 * only to http(s) addresses. The time line needs the reports and questions
 * by comment, which the CLI keeps on a thread's result only for this format
 * (`LintOptions.threadDetail`).
 */
import type { FormatContext, Formatter } from './types.js';
import { sanitize } from './sanitize.js';
import { dueDate, groupOpenBugs, isOverdue, NO_CA, timeLeft, utcMinute, type CaGroup, type OpenBug } from './thread.js';
import type { LintMessage, LintResult, ThreadCommentSummary } from '../types.js';

const DAY = 86_400_000;

/** Text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  let out = '';
  for (const ch of sanitize(text)) {
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&#39;';
    else out += ch;
  }
  return out;
}

/** An escaped link to an http(s) address; other schemes (javascript:, data:) become plain text. */
function link(url: string, text: string): string {
  const lower = url.trim().toLowerCase();
  if (!lower.startsWith('https://') && !lower.startsWith('http://')) return escapeHtml(text);
  return `<a href="${escapeHtml(url.trim())}" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function days(ms: number): string {
  const d = ms / DAY;
  if (d < 1) return plural(Math.max(1, Math.floor(ms / 3_600_000)), 'hour');
  const rounded = Math.floor(d * 10) / 10;
  return `${rounded} day${rounded === 1 ? '' : 's'}`;
}

const REPORT_NAME = { preliminary: 'Preliminary report', full: 'Full report', closure: 'Closure Summary' } as const;
const REPORT_LETTER = { preliminary: 'P', full: 'F', closure: 'C' } as const;

const CSS = `
:root{--ca:#1f5fbf;--other:#b35900;--bad:#b00020;--ok:#1b7f3b;--warn:#8a6d00;--muted:#555;--line:#ccc}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:#111;background:#fff}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:0 0 .4rem}
.meta{color:var(--muted);margin:.2rem 0 1rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{border-bottom:2px solid #888;white-space:nowrap}
tbody th[scope=rowgroup]{background:#f2f2f2;font-size:1rem}
tr.overdue td{background:#fdecee}
.mark{font-weight:700;white-space:nowrap}.mark.overdue{color:var(--bad)}.mark.soon{color:var(--warn)}
.nowrap{white-space:nowrap}.muted{color:var(--muted)}
.bug{border:1px solid var(--line);border-radius:6px;padding:.75rem;margin:1rem 0}
.bug.has-overdue{border-left:6px solid var(--bad)}
.deadlines{margin:.3rem 0 .6rem;padding-left:1.2rem}
.axis{position:relative;height:112px;margin:.5rem 0 .3rem 3.2rem;border-bottom:1px solid #888;min-width:0}
.lane{position:absolute;left:0;right:0;height:1px;background:#ddd}
.lane-label{position:absolute;left:-3.2rem;font-size:.75rem;color:var(--muted)}
.m{position:absolute;transform:translate(-50%,-50%);width:11px;height:11px;border-radius:50%}
.m.ca{background:var(--ca)}.m.other{border:2px solid var(--other);background:#fff;border-radius:2px}
.m.report{width:17px;height:17px;border-radius:3px;background:var(--ca);color:#fff;font-size:11px;line-height:17px;text-align:center;font-weight:700}
.m.finding{outline:3px solid var(--bad);outline-offset:2px}
.q{position:absolute;height:6px;border-radius:3px;transform:translateY(-50%);min-width:3px}
.q.ok{background:var(--ok);opacity:.55}.q.late,.q.overdue{background:var(--bad)}.q.open{background:var(--warn);opacity:.7}
.dl{position:absolute;top:0;bottom:0;border-left:2px dashed var(--warn)}.dl.overdue{border-left-color:var(--bad)}
.now{position:absolute;top:0;bottom:0;border-left:2px solid #111}
.tick{position:absolute;bottom:-1.3rem;transform:translateX(-50%);font-size:.72rem;color:var(--muted);white-space:nowrap}
.axis-space{height:1.3rem}
.legend{font-size:.8rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.3rem 0}
.legend span{display:inline-flex;align-items:center;gap:.3rem}
.legend .m{position:static;transform:none;display:inline-block}.legend .q{position:static;transform:none;display:inline-block;width:22px}
details summary{cursor:pointer;color:var(--muted)}
ol.events{list-style:none;padding:0;margin:.4rem 0}
ol.events li{padding:.35rem .5rem;border-left:4px solid var(--line);margin:0 0 .2rem}
ol.events li.ca{border-left-color:var(--ca)}ol.events li.other{border-left-color:var(--other)}
.gap{font-size:.8rem;color:var(--muted);margin:.15rem 0 .15rem .6rem}.gap.long{color:var(--bad);font-weight:600}
.who{font-weight:600}.badge{display:inline-block;font-size:.75rem;padding:0 .35rem;border-radius:3px;border:1px solid currentColor;margin-left:.3rem}
.badge.ca{color:var(--ca)}.badge.other{color:var(--other)}.badge.report{color:#fff;background:var(--ca);border-color:var(--ca)}
.finding-text{color:var(--bad)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:600px){body{font-size:14px;padding:.5rem}
.deadline-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.deadline-table,.deadline-table tbody,.deadline-table tr,.deadline-table td,.deadline-table tbody th{display:block;width:auto}
.deadline-table tr{border-bottom:1px solid var(--line);padding:.3rem 0}.deadline-table td{border:0;padding:.05rem .4rem}
.deadline-table td::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}}
@media print{.bug{break-inside:avoid}}
`;

interface Ctx {
  now: number | undefined;
  /** Rule ids of the thread rules that ran (their findings are the lifecycle findings). */
  threadRules: ReadonlySet<string>;
}

function markCell(bug: OpenBug, now: number | undefined): { html: string; overdue: boolean } {
  const next = bug.deadlines[0];
  if (!next) return { html: '<span class="mark">no deadline known</span>', overdue: false };
  const left = timeLeft(next.due, now) ?? '';
  if (isOverdue(next, now)) return { html: `<span class="mark overdue">OVERDUE by ${escapeHtml(left.slice('overdue by '.length))}</span>`, overdue: true };
  const soon = now !== undefined && Date.parse(next.due) - now <= 3 * DAY;
  return { html: `<span class="mark${soon ? ' soon' : ''}">${escapeHtml(left)}</span>`, overdue: false };
}

function table(groups: readonly CaGroup[], c: Ctx): string {
  let rows = '';
  for (const g of groups) {
    const heading = `${g.ca}: ${plural(g.bugs.length, 'open bug')}${g.overdue > 0 ? `, ${g.overdue} overdue` : ''}`;
    rows += `<tbody><tr><th scope="rowgroup" colspan="6">${escapeHtml(heading)}</th></tr>`;
    for (const bug of g.bugs) {
      const next = bug.deadlines[0];
      const mark = markCell(bug, c.now);
      const more = bug.deadlines.length > 1 ? ` <span class="muted">(+${bug.deadlines.length - 1} more)</span>` : '';
      rows +=
        `<tr${mark.overdue ? ' class="overdue"' : ''} data-bug="${bug.id}">` +
        `<td class="nowrap" data-label="Bug"><a href="#bug-${bug.id}">${bug.id}</a></td>` +
        `<td data-label="Time left">${mark.html}</td>` +
        `<td class="nowrap" data-label="Due">${next ? escapeHtml(dueDate(next.due)) : ''}</td>` +
        `<td data-label="Next obligation">${next ? escapeHtml(next.obligation) + more : ''}</td>` +
        `<td data-label="Basis">${next ? escapeHtml(next.basis) : ''}</td>` +
        `<td data-label="Summary">${escapeHtml(bug.title)} ${link(bug.url, 'Bugzilla')}</td></tr>`;
    }
    rows += '</tbody>';
  }
  return (
    '<div class="table-wrap"><table class="deadline-table"><caption class="sr">Open bugs by next deadline, grouped by CA, soonest first</caption>' +
    '<thead><tr><th scope="col">Bug</th><th scope="col">Time left</th><th scope="col">Due</th><th scope="col">Next obligation</th><th scope="col">Basis</th><th scope="col">Summary</th></tr></thead>' +
    `${rows}</table></div>`
  );
}

interface Comment extends ThreadCommentSummary {
  count: number;
  time: number;
}

function commentsOf(r: LintResult): Comment[] {
  const out: Comment[] = [];
  for (const [k, v] of Object.entries(r.thread?.comments ?? {})) out.push({ ...v, count: Number(k), time: Date.parse(v.iso) });
  return out.sort((a, b) => a.count - b.count);
}

type QuestionState = 'ok' | 'late' | 'overdue' | 'open';

function questionState(q: NonNullable<ThreadCommentSummary['question']>, askedAt: number, byCount: ReadonlyMap<number, Comment>, now: number | undefined): { state: QuestionState; end: number; text: string } {
  const due = Date.parse(q.due);
  const answer = q.answeredBy !== undefined ? byCount.get(q.answeredBy) : undefined;
  if (answer) {
    const late = answer.time > due;
    return { state: late ? 'late' : 'ok', end: answer.time, text: `${late ? 'answered late' : 'answered'} by comment ${answer.count}, ${days(answer.time - askedAt)} later (due ${dueDate(q.due)})` };
  }
  if (now !== undefined && now > due) return { state: 'overdue', end: now, text: `unanswered: answer was due ${dueDate(q.due)}, OVERDUE by ${timeLeft(q.due, now)?.slice('overdue by '.length) ?? ''}` };
  return { state: 'open', end: now ?? due, text: `answer due ${dueDate(q.due)}${now !== undefined ? `, ${timeLeft(q.due, now) ?? ''}` : ''}` };
}

/** Month (or year) ticks between two times, at most about six. */
function ticks(start: number, end: number): number[] {
  const out: number[] = [];
  const s = new Date(start);
  let y = s.getUTCFullYear();
  let m = s.getUTCMonth() + 1;
  const months = (end - start) / (30 * DAY);
  const step = months <= 6 ? 1 : months <= 12 ? 2 : months <= 24 ? 4 : months <= 48 ? 6 : 12;
  if (step === 12) {
    m = 0;
    y++;
  }
  for (let guard = 0; guard < 400; guard++) {
    while (m >= 12) {
      m -= 12;
      y++;
    }
    const t = Date.UTC(y, m, 1);
    if (t > end) break;
    if (t > start && (step === 1 || m % step === 0)) out.push(t);
    m++;
  }
  return out;
}

function bugSection(bug: OpenBug, c: Ctx): string {
  const r = bug.result;
  const comments = commentsOf(r);
  const byCount = new Map(comments.map((x) => [x.count, x]));
  const lifecycle = new Map<number | undefined, LintMessage[]>();
  const reportFindings = new Map<number, number>();
  for (const m of r.messages) {
    if (m.ruleId !== null && c.threadRules.has(m.ruleId)) {
      const list = lifecycle.get(m.comment) ?? [];
      list.push(m);
      lifecycle.set(m.comment, list);
    } else if (m.comment !== undefined) {
      reportFindings.set(m.comment, (reportFindings.get(m.comment) ?? 0) + 1);
    }
  }
  const overdue = bug.deadlines.some((d) => isOverdue(d, c.now));

  // The axis: first comment to the judging time (or the last thing shown).
  const first = comments[0]?.time ?? c.now ?? 0;
  let last = comments[comments.length - 1]?.time ?? first;
  if (c.now !== undefined) last = Math.max(last, c.now);
  for (const d of bug.deadlines) last = Math.max(last, Date.parse(d.due));
  const span = Math.max(last - first, DAY);
  const pos = (t: number): string => `${(3 + ((t - first) / span) * 94).toFixed(2)}%`;
  const LANE_OTHER = 22;
  const LANE_Q = 44;
  const LANE_CA = 74;
  let axis = `<div class="lane" style="top:${LANE_OTHER}px"></div><div class="lane" style="top:${LANE_CA}px"></div>`;
  axis += `<span class="lane-label" style="top:${LANE_OTHER - 9}px">others</span><span class="lane-label" style="top:${LANE_CA - 9}px">CA</span>`;
  for (const t of ticks(first, last)) axis += `<span class="tick" style="left:${pos(t)}">${new Date(t).toISOString().slice(0, 7)}</span>`;
  for (const d of bug.deadlines) axis += `<span class="dl${isOverdue(d, c.now) ? ' overdue' : ''}" style="left:${pos(Date.parse(d.due))}" title="${escapeHtml(`${d.obligation} due ${dueDate(d.due)} (${d.basis})`)}"></span>`;
  if (c.now !== undefined) axis += `<span class="now" style="left:${pos(c.now)}" title="${escapeHtml(`now: ${utcMinute(c.now)}`)}"></span>`;
  let events = '';
  let prev: Comment | undefined;
  for (const cm of comments) {
    const found = lifecycle.get(cm.count) ?? [];
    const reports = cm.reports ?? [];
    const label = `comment ${cm.count}, ${utcMinute(cm.time)}, ${cm.creator}${reports.length > 0 ? `: ${reports.map((k) => REPORT_NAME[k]).join(', ')}` : ''}`;
    const cls = `m ${reports.length > 0 ? 'report' : cm.isCa ? 'ca' : 'other'}${found.length > 0 ? ' finding' : ''}`;
    const top = cm.isCa ? LANE_CA : LANE_OTHER;
    axis += `<span class="${cls}" style="left:${pos(cm.time)};top:${top}px" title="${escapeHtml(label)}">${reports.length > 0 ? reports.map((k) => REPORT_LETTER[k]).join('') : ''}</span>`;
    let qText = '';
    if (cm.question) {
      const q = questionState(cm.question, cm.time, byCount, c.now);
      const left = pos(cm.time);
      const width = `${(((q.end - cm.time) / span) * 94).toFixed(2)}%`;
      axis += `<span class="q ${q.state}" style="left:${left};width:${width};top:${LANE_Q}px" title="${escapeHtml(`question in comment ${cm.count}: ${q.text}`)}"></span>`;
      qText = `<div><strong>Question</strong>: ${escapeHtml(q.text)}</div>`;
    }
    // The list: the same events, with the time since the previous comment.
    if (prev) {
      const gap = cm.time - prev.time;
      events += `<li class="gap${gap >= 7 * DAY ? ' long' : ''}">${escapeHtml(days(gap))} later</li>`;
    }
    const badges = `<span class="badge ${cm.isCa ? 'ca' : 'other'}">${cm.isCa ? 'CA' : 'other'}</span>${reports.map((k) => `<span class="badge report">${REPORT_NAME[k]}</span>`).join('')}`;
    const findings = found.map((m) => `<div class="finding-text"><strong>${m.severity === 2 ? 'Error' : 'Warning'}</strong> (${escapeHtml(m.ruleId ?? '')}): ${escapeHtml(m.message)}</div>`).join('');
    const inReport = reportFindings.get(cm.count);
    const reportNote = inReport ? `<div>${plural(inReport, 'finding')} in the report (see <code>ir-lint ${escapeHtml(r.filePath)}</code>)</div>` : '';
    events += `<li class="${cm.isCa ? 'ca' : 'other'}" id="bug-${bug.id}-c${cm.count}"><div><span class="nowrap">${escapeHtml(utcMinute(cm.time))}</span> \u00b7 ${link(`${bug.url}#c${cm.count}`, `comment ${cm.count}`)} \u00b7 <span class="who">${escapeHtml(cm.creator)}</span>${badges}</div>${qText}${findings}${reportNote}</li>`;
    prev = cm;
  }
  const whole = (lifecycle.get(undefined) ?? []).map((m) => `<li class="finding-text">${escapeHtml(m.message)} (${escapeHtml(m.ruleId ?? '')})</li>`).join('');
  const dls = bug.deadlines
    .map((d) => {
      const od = isOverdue(d, c.now);
      const left = timeLeft(d.due, c.now);
      return `<li>${od ? '<strong class="mark overdue">OVERDUE</strong> ' : ''}<strong>${escapeHtml(d.obligation)}</strong> due ${escapeHtml(dueDate(d.due))} (${escapeHtml(d.basis)})${left ? `, ${escapeHtml(left)}` : ''}${d.comment !== undefined ? `, from <a href="#bug-${bug.id}-c${d.comment}">comment ${d.comment}</a>` : ''}</li>`;
    })
    .join('');
  return (
    `<section class="bug${overdue ? ' has-overdue' : ''}" id="bug-${bug.id}" aria-labelledby="bug-${bug.id}-h">` +
    `<h3 id="bug-${bug.id}-h">Bug ${bug.id}${overdue ? ' <span class="mark overdue">(overdue)</span>' : ''}: ${escapeHtml(`${bug.ca === NO_CA ? '' : `${bug.ca}: `}${bug.title}`)}</h3>` +
    `<div class="meta">${escapeHtml(r.thread?.status ?? '')} \u00b7 ${plural(comments.length, 'comment')} \u00b7 ${link(bug.url, bug.url)}</div>` +
    (dls ? `<ul class="deadlines">${dls}</ul>` : '<p>No open obligation known.</p>') +
    (whole ? `<ul>${whole}</ul>` : '') +
    `<div class="axis" aria-hidden="true">${axis}</div><div class="axis-space"></div>` +
    `<details${overdue ? ' open' : ''}><summary>Comments, reports and questions (${comments.length})</summary><ol class="events">${events}</ol></details>` +
    '</section>'
  );
}

const LEGEND =
  '<div class="legend" aria-hidden="true">' +
  '<span><span class="m ca"></span>CA comment</span>' +
  '<span><span class="m other"></span>comment by others</span>' +
  '<span><span class="m report">F</span>report (P Preliminary, F Full, C Closure)</span>' +
  '<span><span class="m ca finding"></span>lifecycle finding</span>' +
  '<span><span class="q ok"></span>question answered in time</span>' +
  '<span><span class="q late"></span>answered late or overdue</span>' +
  '<span><span class="q open"></span>awaiting answer</span>' +
  '<span>dashed line: deadline; solid line: now</span>' +
  '</div>';

const html: Formatter = (results, ctx: FormatContext) => {
  const threadRules = new Set(ctx.rules.filter((m) => m.appliesTo === 'thread').map((m) => m.id));
  const c: Ctx = { now: ctx.now, threadRules };
  const { groups, threads, closed } = groupOpenBugs(results, ctx.now);
  const asOf = ctx.now !== undefined ? utcMinute(ctx.now) : 'the time of the run';
  const open = groups.reduce((n, g) => n + g.bugs.length, 0);
  const overdue = groups.reduce((n, g) => n + g.overdue, 0);
  const unreadable = results.filter((r) => r.messages.some((m) => m.fatal));
  let body = `<header><h1>Open bugs by next deadline</h1><p class="meta">As of ${escapeHtml(asOf)} \u00b7 ${plural(open, 'open bug')} of ${plural(groups.length, 'CA')}${overdue > 0 ? `, <strong class="mark overdue">${overdue} overdue</strong>` : ''}${closed > 0 ? ` \u00b7 ${closed} closed left out` : ''} \u00b7 ir-lint ${escapeHtml(ctx.version)}</p></header><main>`;
  if (groups.length === 0) {
    body += `<p>No open bugs (${threads === 0 ? 'no bug thread exports, *.bug.json, among the files linted' : `${plural(threads, 'bug export')} linted, all closed`}).</p>`;
  } else {
    body += `<section aria-labelledby="h-deadlines"><h2 id="h-deadlines">Deadlines</h2>${table(groups, c)}</section>`;
    body += `<section aria-labelledby="h-bugs"><h2 id="h-bugs">Time lines</h2>${LEGEND}`;
    for (const g of groups) for (const bug of g.bugs) body += bugSection(bug, c);
    body += '</section>';
  }
  if (unreadable.length > 0) {
    body += '<section aria-labelledby="h-unreadable"><h2 id="h-unreadable">Files that could not be read</h2><ul>';
    for (const r of unreadable) body += `<li><code>${escapeHtml(r.filePath)}</code>: ${escapeHtml(r.messages.find((m) => m.fatal)?.message ?? '')}</li>`;
    body += '</ul></section>';
  }
  body += '</main>';
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>Open bugs by next deadline, as of ${escapeHtml(asOf)}</title><style>${CSS}</style></head><body>${body}</body></html>\n`;
};

export default html;
