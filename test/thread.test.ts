/**
 * The bug thread model (src/parse/thread.ts): reading a `.bug.json` export
 * into comments, the CA's side, the whiteboard and its history, needinfo
 * flags and field changes; a malformed export is one line naming the field.
 */
import { describe, expect, it } from 'vitest';
import { parseThread, parseWhiteboard, ThreadFormatError } from '../src/parse/thread.js';
import { kindOf, DIRECTORY_KINDS } from '../src/kinds.js';
import { bugExport, bugExportText, CA, REVIEWER } from './helpers/thread-export.js';

const PRELIMINARY = '## Preliminary Incident Report\n\n### Summary\n\nWe issued 12 certificates with a wrong extension.\n';

function formatError(text: string): ThreadFormatError {
  try {
    parseThread(text);
  } catch (error) {
    if (error instanceof ThreadFormatError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('parseThread', () => {
  const text = bugExportText(
    { whiteboard: '[ca-compliance] [ov-misissuance] Next update 2025-12-05', creator: 'Someone@Else.example', assigned_to: CA },
    [
      { text: PRELIMINARY, creator: 'someone@else.example', creation_time: '2025-03-03T10:00:00Z' },
      { text: 'When will the Full report be posted?', creator: REVIEWER, creation_time: '2025-03-04T09:30:00Z' },
      { text: 'secret', creator: CA, creation_time: '2025-03-04T10:00:00Z', is_private: true },
      { text: 'buy now', creator: 'spammer@spam.example', creation_time: '2025-03-04T11:00:00Z', tags: ['spam'] },
      { text: 'By 2025-03-10.', creator: 'colleague@ops.example', creation_time: '2025-03-05T08:00:00+01:00' },
    ],
    [
      { when: '2025-03-04T09:31:00Z', who: REVIEWER, changes: [{ field_name: 'flagtypes.name', removed: '', added: `needinfo?(${CA})` }] },
      { when: '2025-03-06T12:00:00Z', who: CA, changes: [
        { field_name: 'flagtypes.name', removed: `needinfo?(${CA})`, added: '' },
        { field_name: 'whiteboard', removed: '[ca-compliance]', added: '[ca-compliance] [ov-misissuance] Next update 2025-12-05' },
      ] },
      { when: '2025-04-01T12:00:00Z', who: REVIEWER, changes: [{ field_name: 'status', removed: 'ASSIGNED', added: 'RESOLVED' }, { field_name: 'resolution', removed: '', added: 'FIXED' }] },
      { when: '2025-04-02T12:00:00Z', who: REVIEWER, changes: [{ field_name: 'status', removed: 'RESOLVED', added: 'REOPENED' }, { field_name: 'resolution', removed: 'FIXED', added: '' }] },
    ],
  );
  const thread = parseThread(text, { caAccounts: ['Colleague@ops.example'] });

  it('reads the bug', () => {
    expect(thread.id).toBe(1900001);
    expect(thread.url).toBe('https://bugzilla.mozilla.org/show_bug.cgi?id=1900001');
    expect(thread.status).toBe('ASSIGNED');
    expect(thread.open).toBe(true);
    expect(thread.created).toBe(Date.parse('2025-03-03T10:00:00Z'));
    expect(thread.fetched).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(thread.resolvedAt).toBe(Date.parse('2025-04-01T12:00:00Z'));
  });

  it('skips private and spam comments and keeps the count order and the time in UTC', () => {
    expect(thread.comments.map((c) => c.count)).toEqual([0, 1, 4]);
    expect(thread.comments[2]?.time).toBe(Date.parse('2025-03-05T07:00:00Z'));
    expect(thread.comments[2]?.iso).toBe('2025-03-05T08:00:00+01:00');
  });

  it('knows the CA side: the assignee, the creator of a self-reported bug, config caAccounts (any case)', () => {
    expect(thread.selfReported).toBe(false);
    expect([...thread.caAccounts].sort()).toEqual(['colleague@ops.example', CA].sort());
    expect(thread.comments.map((c) => c.isCa)).toEqual([false, false, true]);
    expect(thread.isCa('INCIDENTS@ca.example')).toBe(true);
    const self = parseThread(text, { caAccounts: ['someone@else.example'] });
    expect(self.selfReported).toBe(true);
    expect(self.comments[0]?.isCa).toBe(true);
  });

  it('takes a creator from the assignee\'s own mail domain as the CA, but not from a shared domain', () => {
    const own = parseThread(bugExportText({ creator: 'alice@bigca.example', assigned_to: 'bob@bigca.example' }, [{ text: 'x', creator: 'alice@bigca.example', creation_time: '2025-03-03T10:00:00Z' }]));
    expect(own.selfReported).toBe(true);
    const shared = parseThread(bugExportText({ creator: 'alice@gmail.com', assigned_to: 'bob@gmail.com' }, [{ text: 'x', creator: 'alice@gmail.com', creation_time: '2025-03-03T10:00:00Z' }]));
    expect(shared.selfReported).toBe(false);
    const domain = parseThread(bugExportText({ creator: 'reporter@else.example', assigned_to: CA }, [{ text: 'x', creator: 'ops@bigca.example', creation_time: '2025-03-03T10:00:00Z' }]), { caAccounts: ['@bigca.example'] });
    expect(domain.comments[0]?.isCa).toBe(true);
    expect(domain.isCa('x@other.example')).toBe(false);
  });

  it('counts an earlier assignee at the assignee\'s own domain as the CA, not one at a shared domain', () => {
    const t = parseThread(bugExportText({ assigned_to: 'new@bigca.example', creator: REVIEWER }, [{ text: 'x', creator: 'old@bigca.example', creation_time: '2025-03-03T10:00:00Z' }], [
      { when: '2025-03-04T00:00:00Z', who: REVIEWER, changes: [{ field_name: 'assigned_to', removed: 'nobody@mozilla.org', added: 'bwilson@mozilla.com' }] },
      { when: '2025-03-05T00:00:00Z', who: REVIEWER, changes: [{ field_name: 'assigned_to', removed: 'bwilson@mozilla.com', added: 'old@bigca.example' }] },
      { when: '2025-03-06T00:00:00Z', who: REVIEWER, changes: [{ field_name: 'assigned_to', removed: 'old@bigca.example', added: 'new@bigca.example' }] },
    ]));
    expect([...t.caAccounts].sort()).toEqual(['new@bigca.example', 'old@bigca.example']);
    expect(t.comments[0]?.isCa).toBe(true);
  });

  it('puts each comment at the line of its text in the export', () => {
    const lines = text.split('\n');
    for (const c of thread.comments) expect(lines[c.line - 1]).toContain(`"text": ${JSON.stringify(c.text)}`);
  });

  it('reads needinfo flags and field changes from history, oldest first', () => {
    expect(thread.needinfo).toEqual([
      { when: Date.parse('2025-03-04T09:31:00Z'), who: REVIEWER, target: CA, change: 'set' },
      { when: Date.parse('2025-03-06T12:00:00Z'), who: CA, target: CA, change: 'cleared' },
    ]);
    expect(thread.changes.map((c) => `${c.field}:${c.added}`)).toEqual(['whiteboard:[ca-compliance] [ov-misissuance] Next update 2025-12-05', 'status:RESOLVED', 'resolution:FIXED', 'status:REOPENED', 'resolution:']);
    expect(thread.whiteboardHistory.map((w) => w.text)).toEqual(['[ca-compliance]', '[ca-compliance] [ov-misissuance] Next update 2025-12-05']);
  });

  it('adds a needinfo that the bug\'s flags show standing but the history does not', () => {
    const t = parseThread(bugExportText({ flags: [{ name: 'needinfo', status: '?', requestee: CA, setter: REVIEWER, creation_date: '2025-03-09T10:00:00Z' }] }, [{ text: 'x', creator: CA, creation_time: '2025-03-03T10:00:00Z' }]));
    expect(t.needinfo).toEqual([{ when: Date.parse('2025-03-09T10:00:00Z'), who: REVIEWER, target: CA, change: 'set' }]);
  });

  it('reads several needinfos in one change', () => {
    const t = parseThread(bugExportText({}, [{ text: 'x', creator: CA, creation_time: '2025-03-03T10:00:00Z' }], [
      { when: '2025-03-04T00:00:00Z', who: CA, changes: [{ field_name: 'flagtypes.name', removed: '', added: 'needinfo?(incident-reporting@ccadb.org), needinfo?(a@b.example)' }] },
    ]));
    expect(t.needinfo.map((n) => n.target)).toEqual(['incident-reporting@ccadb.org', 'a@b.example']);
  });

  it('parses the CA\'s report blocks once, and not those of others', () => {
    const t = parseThread(bugExportText({ creator: CA }, [
      { text: PRELIMINARY, creator: CA, creation_time: '2025-03-03T10:00:00Z' },
      { text: PRELIMINARY, creator: REVIEWER, creation_time: '2025-03-04T10:00:00Z' },
      { text: 'Thanks, we are on it.', creator: CA, creation_time: '2025-03-05T10:00:00Z' },
    ]));
    const [a, b, c] = t.comments;
    const r = t.reportIn(a!);
    expect(r?.blocks[0]?.template).toBe('ccadb-v3-preliminary');
    expect(t.reportIn(a!)).toBe(r);
    expect(t.reportIn(b!)).toBeUndefined();
    expect(t.reportIn(c!)).toBeUndefined();
  });

  it('treats RESOLVED, VERIFIED and CLOSED as closed', () => {
    for (const status of ['RESOLVED', 'VERIFIED', 'CLOSED']) expect(parseThread(bugExportText({ status, resolution: 'FIXED' }, [{ text: 'x', creator: CA, creation_time: '2025-03-03T10:00:00Z' }])).open).toBe(false);
  });

  it('ignores unknown keys (a fixture\'s note) and defaults the source', () => {
    const obj = bugExport({}, [{ text: 'x', creator: CA, creation_time: '2025-03-03T10:00:00Z' }], [], { note: 'written for a test', source: undefined });
    const t = parseThread(JSON.stringify(obj));
    expect(t.url).toBe('https://bugzilla.mozilla.org/show_bug.cgi?id=1900001');
  });
});

describe('malformed exports', () => {
  const good = bugExport({}, [{ text: 'x', creator: CA, creation_time: '2025-03-03T10:00:00Z' }, { text: 'y', creator: CA, creation_time: '2025-03-04T10:00:00Z' }]);
  const withField = (mutate: (o: any) => void): string => {
    const o = structuredClone(good) as any;
    mutate(o);
    return JSON.stringify(o, null, 2);
  };

  it('names the field path and what was wrong', () => {
    expect(formatError(withField((o) => { o.comments[1].creation_time = 'yesterday'; })).message).toBe('comments[1].creation_time: expected an ISO time, got "yesterday"');
    expect(formatError(withField((o) => { delete o.bug.id; })).message).toBe('bug.id: missing (expected a number)');
    expect(formatError(withField((o) => { o.comments = {}; })).message).toBe('comments: expected an array, got an object');
    expect(formatError(withField((o) => { delete o.bug; })).message).toBe('bug: missing (expected an object)');
  });

  it('points at the comment\'s line for a bad comment', () => {
    const text = withField((o) => { o.comments[1].creation_time = 'yesterday'; });
    const e = formatError(text);
    expect(text.split('\n')[e.line - 1]).toContain('"text": "y"');
  });

  it('says when the text is not JSON, with the line', () => {
    const e = formatError('{\n  "bug": {\n    "id": 1,,\n}');
    expect(e.message).toMatch(/^not a Bugzilla export: invalid JSON/);
    expect(e.line).toBe(3);
    expect(formatError('[1, 2]').message).toBe('not a Bugzilla export: expected an object with "bug" and "comments", got an array');
    expect(formatError('').message).toMatch(/^not a Bugzilla export: invalid JSON/);
  });
});

describe('parseWhiteboard', () => {
  it('reads tags, Next update, close on and revocation-delay', () => {
    const wb = parseWhiteboard('[ca-compliance] [leaf-revocation-delay] Next update 2025-12-05 [close on 2026-01-10]');
    expect(wb.tags).toEqual(['ca-compliance', 'leaf-revocation-delay']);
    expect(wb.nextUpdate).toEqual({ iso: '2025-12-05', time: Date.parse('2025-12-05T00:00:00Z') });
    expect(wb.closeOn).toEqual({ iso: '2026-01-10', time: Date.parse('2026-01-10T00:00:00Z') });
    expect(wb.revocationDelay).toBe(true);
  });

  it('reads bare words and the usual spellings of Next update', () => {
    expect(parseWhiteboard('[ca-compliance] revocation-delay').tags).toEqual(['ca-compliance', 'revocation-delay']);
    expect(parseWhiteboard('revocation-delay').revocationDelay).toBe(true);
    expect(parseWhiteboard('[ca-compliance] Next Update: 2025-01-31').nextUpdate?.iso).toBe('2025-01-31');
    expect(parseWhiteboard('[ca-compliance] [next-update 2025-01-31]').nextUpdate?.iso).toBe('2025-01-31');
    expect(parseWhiteboard('[ca-compliance] Next update 2025-02-30').nextUpdate).toBeUndefined();
    expect(parseWhiteboard('').tags).toEqual([]);
    expect(parseWhiteboard('[ca-compliance]').revocationDelay).toBe(false);
  });
});

describe('the thread kind', () => {
  it('is any path ending .bug.json, and directories include them', () => {
    expect(kindOf('1955799.bug.json', '{}')).toBe('thread');
    expect(kindOf('dir/X.BUG.JSON', '')).toBe('thread');
    expect(kindOf('x.json', '{}')).toBe('report');
    expect(DIRECTORY_KINDS.some((k) => k.id === 'thread' && k.extensions.includes('.bug.json'))).toBe(true);
  });
});
