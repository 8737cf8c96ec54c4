/**
 * Building blocks for rule option schemas, on zod's mini API: the full zod
 * API takes about 30 ms to load, a tenth of a run on one report; mini loads
 * in about 3. Plugin rules may use either: the engine reads any zod 4 schema.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini ships without messages; option errors quote them.
z.config(en());

/** A list of strings, `d` when left out. */
export const stringList = (d: readonly string[]) => z._default(z.array(z.string()), () => [...d]);

/** An integer of at least `min`, `d` when left out. */
export const integer = (min: number, d: number) => z._default(z.int().check(z.minimum(min)), d);

/** true or false, `d` when left out. */
export const flag = (d: boolean) => z._default(z.boolean(), d);

/** A string, `d` when left out. */
export const text = (d: string) => z._default(z.string(), d);

/** The options object of a rule: no unknown keys; each key's default applies when it is left out. */
export function ruleOptions<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.prefault(z.strictObject(shape), {} as z.input<z.ZodMiniObject<S, z.core.$strict>>);
}
