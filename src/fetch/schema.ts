/**
 * The shapes of Bugzilla's REST answers that an export is built from
 * (bmo's docs/en/rst/api/core/v1/bug.rst and comment.rst), checked before
 * anything is written: an answer without the fields the thread rules read
 * is refused. Unknown fields are allowed (looseObject) and kept, because the
 * export stores the objects exactly as Bugzilla sent them.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini ships without messages; a refusal quotes them.
z.config(en());

const time = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date and time'));
const login = z.string();

export const flagSchema = z.looseObject({ name: z.string(), status: z.string() });

/** One object of GET /rest/bug/{id}: the fields SPEC section 7 reads. */
export const bugSchema = z.looseObject({
  id: z.int().check(z.positive()),
  summary: z.string(),
  whiteboard: z.optional(z.string()),
  status: z.string(),
  resolution: z.string(),
  creation_time: time,
  creator: login,
  assigned_to: login,
  flags: z.optional(z.array(flagSchema)),
});

export const bugResponseSchema = z.looseObject({
  bugs: z.array(bugSchema),
  faults: z.optional(z.array(z.unknown())),
});

export const commentSchema = z.looseObject({
  id: z.int(),
  count: z.int().check(z.minimum(0)),
  text: z.string(),
  creator: login,
  creation_time: time,
  is_private: z.boolean(),
  tags: z.optional(z.array(z.string())),
});

export const commentResponseSchema = z.looseObject({
  bugs: z.record(z.string(), z.looseObject({ comments: z.array(commentSchema) })),
});

export const changeSchema = z.looseObject({
  field_name: z.string(),
  removed: z.string(),
  added: z.string(),
});

export const historyEntrySchema = z.looseObject({
  when: time,
  who: login,
  changes: z.array(changeSchema),
});

export const historyResponseSchema = z.looseObject({
  bugs: z.array(z.looseObject({ id: z.int(), history: z.array(historyEntrySchema) })),
});

/** GET /rest/bug?...: the search for open bugs asks only for these fields. */
export const searchResponseSchema = z.looseObject({
  bugs: z.array(z.looseObject({ id: z.int().check(z.positive()), summary: z.optional(z.string()), resolution: z.optional(z.string()) })),
});

/** An export file as this writer makes it, for a refresh (only what the merge needs). */
export const exportSchema = z.looseObject({
  bug: z.looseObject({ id: z.int() }),
  comments: z.array(z.looseObject({ id: z.optional(z.int()), count: z.optional(z.int()), creation_time: z.optional(z.string()) })),
  history: z.array(z.looseObject({ when: z.string(), who: z.string(), changes: z.array(z.unknown()) })),
  source: z.string(),
  fetched: time,
});

export type BugObject = z.infer<typeof bugSchema>;
export type CommentObject = z.infer<typeof commentSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type ExportFile = z.infer<typeof exportSchema>;

/** The first problem zod found, as "path: message" for a one-line refusal. */
export function firstIssue(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${where === '' ? 'the answer' : where.startsWith('.') ? where.slice(1) : where}: ${issue.message}`;
}
