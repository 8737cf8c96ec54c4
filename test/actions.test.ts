import { describe, expect, it } from 'vitest';
import { actionItemsOf, columnOf, factorReferences } from '../src/parse/actions.js';
import { parseDueDate } from '../src/parse/timestamp.js';
import { canonicalStatus, closureSummaries, DEFAULT_STATUS_ALIASES, DEFAULT_STATUSES } from '../rules/_vocabulary.js';
import { parseReport } from '../src/parse/index.js';
import { HAS_CORPUS, seed } from './helpers/corpus.js';
import { lintAll } from './helpers/lint.js';

const cells = (text: string) =>
  actionItemsOf(parseReport(text)).map((a) => ({
    format: a.format,
    items: a.items.map((i) => [i.action.text, i.kind?.text, i.rootCauses?.text, i.criteria?.text, i.dueDate?.text, i.status?.text]),
  }));

describe('action items model', () => {
  it('reads a v3 GFM table by column name', () => {
    const text = '## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| Fix | Prevent | Root Cause #1 | Test fails | 2025-08-20 | Complete |\n';
    expect(cells(text)).toEqual([{ format: 'gfm', items: [['Fix', 'Prevent', 'Root Cause #1', 'Test fails', '2025-08-20', 'Complete']] }]);
  });

  it('reads a v2 table with an extra Status column, and short rows as empty cells', () => {
    const text = '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date | Status |\n| --- | --- | --- | --- |\n| Fix | Prevent | 2024-01-01 | Done |\n| Check | Detect |\n';
    const [ai] = actionItemsOf(parseReport(text));
    expect(ai?.columns).toEqual(['action', 'kind', 'dueDate', 'status']);
    expect(ai?.items.map((i) => [i.dueDate?.text, i.status?.text])).toEqual([['2024-01-01', 'Done'], ['', '']]);
    expect(ai?.items[1]?.dueDate?.span.line).toBe(8);
  });

  it('reads pipe rows separated by blank lines', () => {
    const text = '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date | Status |\n\n| Analyze the problem | Analyze | 2024-03-18 | Done |\n\n| Train | Prevent | 2024-03-29 | In progress |\n';
    expect(cells(text)).toEqual([{ format: 'pipe', items: [['Analyze the problem', 'Analyze', undefined, undefined, '2024-03-18', 'Done'], ['Train', 'Prevent', undefined, undefined, '2024-03-29', 'In progress']] }]);
  });

  it('splits rendered rows: last tokens are kind and date; rows end at a blank line', () => {
    const text = '## Incident Report\n\n### Action Items\n\nAction Item Kind Due Date\nTrain the staff about CPR handling. process 2024-10-30\nUpdate the CCADB contact Prevent April 20, 2024\n\nDo we have an update on this?\n';
    const [ai] = actionItemsOf(parseReport(text));
    expect(ai?.format).toBe('text');
    expect(ai?.items.map((i) => [i.action.text, i.kind?.text, i.dueDate?.text])).toEqual([
      ['Train the staff about CPR handling.', 'process', '2024-10-30'],
      ['Update the CCADB contact', 'Prevent', 'April 20, 2024'],
    ]);
    expect(ai?.unreadRows).toEqual([]);
  });

  it('splits rendered v3 rows and tab-separated rows', () => {
    const v3 = '## Full Incident Report\n\n### Action Items\n\nAction Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status\nRepeat the CAA check Prevent Root Cause #1, #2 Stale CAA test fails issuance 2025-08-20 In progress\n';
    expect(cells(v3)[0]?.items).toEqual([['Repeat the CAA check', 'Prevent', 'Root Cause #1, #2', 'Stale CAA test fails issuance', '2025-08-20', 'In progress']]);
    const tabs = '## Incident Report\n\n### Action Items\n\nAction Item\tKind\tDue Date\nCheck the junk folder daily\tPrevent\tTBD\n';
    expect(cells(tabs)[0]?.items).toEqual([['Check the junk folder daily', 'Prevent', undefined, undefined, 'TBD', undefined]]);
  });

  it('reads legacy question 7 lists with their deadlines', () => {
    const text = '6. Explanation about how and why the mistakes were made\n\nText.\n\n7. List of steps your CA is taking to resolve the situation\n\n- suspended the issuance with immediate effect\n- Microsec will check all the issued certificates looking for similar\nissues - deadline 2020-03-20\n';
    const [ai] = actionItemsOf(parseReport(text));
    expect(ai?.format).toBe('list');
    expect(ai?.items.map((i) => [i.line, i.dueDate?.text])).toEqual([[7, undefined], [8, '2020-03-20']]);
    expect(ai?.items[1]?.dueDate?.span.line).toBe(9);
  });

  it('says when nothing can be read', () => {
    expect(cells('## Incident Report\n\n### Action Items\n\nWe will do better.\n')[0]?.format).toBe('unread');
    expect(cells('## Incident Report\n\n### Action Items\n\nN/A\n')[0]?.format).toBe('na');
  });

  it('maps header names to columns', () => {
    expect(['Action Item', 'Kind', 'Corresponding Root Cause(s)', 'Evaluation Criteria', 'Due Date', 'Status', 'Deadline', 'Notes'].map(columnOf)).toEqual([
      'action', 'kind', 'rootCauses', 'criteria', 'dueDate', 'status', 'dueDate', undefined,
    ]);
  });
});

describe('value helpers', () => {
  it('parses due dates', () => {
    expect(parseDueDate('2024-04-20').kind).toBe('iso');
    expect(parseDueDate('2024-4-20')).toMatchObject({ kind: 'clear', iso: '2024-04-20', whole: true });
    expect(parseDueDate('20.04.2024')).toMatchObject({ kind: 'clear', iso: '2024-04-20' });
    expect(parseDueDate('20 Apr 2024')).toMatchObject({ kind: 'clear', iso: '2024-04-20' });
    expect(parseDueDate('03/04/2024').kind).toBe('ambiguous');
    expect(parseDueDate('2024-13-01').kind).toBe('invalid');
    for (const t of ['TBD', 'ASAP', 'Q3', 'Q3 2024', 'end of year']) expect(parseDueDate(t).kind).toBe('not-a-date');
  });

  it('reads factor references', () => {
    expect(factorReferences('Root Cause # 1').numbers).toEqual([1]);
    expect(factorReferences('Contributing Factor #1, #3').numbers).toEqual([1, 3]);
    expect(factorReferences('CF2').numbers).toEqual([2]);
    expect(factorReferences('1, 2').numbers).toEqual([1, 2]);
    expect(factorReferences('All root causes').all).toBe(true);
  });

  it('canonicalises statuses', () => {
    expect(canonicalStatus('complete', DEFAULT_STATUSES, DEFAULT_STATUS_ALIASES)).toEqual({ value: 'Complete', exact: true });
    expect(canonicalStatus('In progress', DEFAULT_STATUSES, DEFAULT_STATUS_ALIASES)).toEqual({ value: 'Ongoing', exact: false });
    expect(canonicalStatus('Cancelled', DEFAULT_STATUSES, DEFAULT_STATUS_ALIASES)).toEqual({ value: 'Canceled', exact: false });
    expect(canonicalStatus('Pending', DEFAULT_STATUSES, DEFAULT_STATUS_ALIASES)).toBeUndefined();
  });
});

describe('closure summaries', () => {
  it('finds the attestation in either wording, quoted or not', () => {
    const c = (s: string) => closureSummaries(parseReport(`## Report Closure Summary\n\n- **Commitment summary:** w\n\n${s}\n`))[0]?.attestation;
    expect(c('All Action Items disclosed in this report have been completed as described, and we request its closure.')).toMatchObject({ line: 5, quoted: false, wording: 'report' });
    expect(c('"All Action Items disclosed in this Incident Report have been completed as described, and we request its closure."')).toMatchObject({ quoted: true, wording: 'incident-report' });
    expect(c('We request closure.')).toBeUndefined();
  });
});

describe.skipIf(!HAS_CORPUS)('seeds (now 2026-11-22)', () => {
  const NOW = '2026-11-22';
  const of = (prefix: string, ruleId: string) => lintAll(seed(prefix), NOW).filter((m) => m.ruleId === ruleId);

  it('001: action-item-kind for "process" on both rows; its older closure sentence is accepted', () => {
    const kinds = of('001_', 'action-item-kind');
    expect(kinds.map((m) => m.line)).toEqual([65, 66]);
    for (const m of kinds) expect(m.message).toContain("found \"process\"");
    expect(of('001_', 'closure-attestation')).toEqual([]);
    expect(of('001_', 'action-items-table')).toEqual([]);
  });

  it('002: warns about the non-ISO due date 2024-4-20 with the fix 2024-04-20', () => {
    const d = of('002_', 'action-item-due-date');
    expect(d.map((m) => ({ line: m.line, severity: m.severity, messageId: m.messageId, fix: m.fix?.text }))).toEqual([{ line: 78, severity: 1, messageId: 'nonIso', fix: '2024-04-20' }]);
    const text = seed('002_');
    expect(text.slice(d[0]!.fix!.range[0], d[0]!.fix!.range[1])).toBe('2024-4-20');
    expect(of('002_', 'closure-attestation')).toEqual([]);
  });

  it('003: three action items (Analyze, Correct, Prevent); the first two are invalid kinds', () => {
    const [ai] = actionItemsOf(parseReport(seed('003_')));
    expect(ai?.items.map((i) => i.kind?.text)).toEqual(['Analyze', 'Correct', 'Prevent']);
    expect(of('003_', 'action-item-kind').map((m) => m.line)).toEqual([77, 79]);
  });

  it('004: reads the legacy question 7 list and its deadlines', () => {
    const [ai] = actionItemsOf(parseReport(seed('004_')));
    expect(ai?.items.length).toBe(7);
    expect(ai?.items.map((i) => i.dueDate?.text).filter(Boolean)).toEqual(['2020-03-20', '2020-03-31']);
  });
});

describe('TBD in the Due Date column', () => {
  it('is reported once, by action-item-due-date, in a table and in a rendered table', () => {
    const table = '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date |\n| --- | --- | --- |\n| Add a second reviewer | Prevent | TBD |\n';
    const rendered = '## Incident Report\n\n### Action Items\n\nAction Item Kind Due Date\nAdd a second reviewer Prevent TBD\n';
    for (const text of [table, rendered]) {
      const tbd = lintAll(text, '2025-12-01').filter((m) => m.message.includes('TBD'));
      expect(tbd.map((m) => m.ruleId)).toEqual(['action-item-due-date']);
    }
  });
});
