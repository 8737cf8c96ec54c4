/**
 * Refreshing an export: the comments and history Bugzilla sent since the
 * export's `fetched` time (new_since) are merged into what it holds, and the
 * bug object is replaced. Comments are the same comment when their `id`
 * matches (else their `count`); history entries when `when`, `who` and the
 * changes match. The newer copy wins, and the order is Bugzilla's: comments
 * by count, history by time.
 */

type Json = Record<string, unknown>;

function commentKey(c: Json): string {
  if (typeof c['id'] === 'number') return `id:${c['id']}`;
  if (typeof c['count'] === 'number') return `count:${c['count']}`;
  return `text:${JSON.stringify(c)}`;
}

function historyKey(h: Json): string {
  return JSON.stringify([h['when'], h['who'], h['changes']]);
}

function timeOf(v: unknown): number {
  const t = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

const cmp = (x: number, y: number): number => (x < y ? -1 : x > y ? 1 : 0);

/** Old and new objects with the same key once, the new copy in the old one's place. */
function union(old: ReadonlyArray<Json>, fresh: ReadonlyArray<Json>, key: (x: Json) => string): Json[] {
  const byKey = new Map<string, Json>();
  for (const x of old) byKey.set(key(x), x);
  for (const x of fresh) byKey.set(key(x), x);
  return [...byKey.values()];
}

export function mergeComments(old: ReadonlyArray<Json>, fresh: ReadonlyArray<Json>): Json[] {
  const all = union(old, fresh, commentKey);
  const count = (c: Json): number => (typeof c['count'] === 'number' ? c['count'] : Number.POSITIVE_INFINITY);
  // Array.prototype.sort is stable: comments without a count keep their order, after the others.
  return all.sort((a, b) => cmp(count(a), count(b)) || cmp(timeOf(a['creation_time']), timeOf(b['creation_time'])));
}

export function mergeHistory(old: ReadonlyArray<Json>, fresh: ReadonlyArray<Json>): Json[] {
  return union(old, fresh, historyKey).sort((a, b) => cmp(timeOf(a['when']), timeOf(b['when'])));
}
