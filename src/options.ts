/**
 * Building blocks for rule option schemas, on zod's mini API: the full zod
 * API takes about 30 ms to load, a tenth of a run on one report; mini loads
 * in about 3. Each option carries its default as a plain value, and the zod
 * schema is built only when a config gives the rule options: most runs use
 * the defaults and never construct one. Plugin rules may use any zod schema
 * (or anything with zod's safeParse) instead.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { once } from './memo.js';
import type { OptionsSchema } from './types.js';

// zod/mini ships without messages; option errors quote them.
z.config(en());

/** One option: its schema with the default built in (made when needed), and the default. */
export interface OptionField<T> {
  schema(): z.ZodMiniType<T>;
  value(): T;
}

/** An option with a schema of its own; `schema` must apply the same default as `value`. */
export function optionField<T>(schema: () => z.ZodMiniType<T>, value: () => T): OptionField<T> {
  return { schema, value };
}

/** A list of strings, `d` when left out. */
export const stringList = (d: readonly string[]): OptionField<string[]> =>
  optionField(() => z._default(z.array(z.string()), () => [...d]), () => [...d]);

/** An integer of at least `min`, `d` when left out. */
export const integer = (min: number, d: number): OptionField<number> => optionField(() => z._default(z.int().check(z.minimum(min)), d), () => d);

/** true or false, `d` when left out. */
export const flag = (d: boolean): OptionField<boolean> => optionField(() => z._default(z.boolean(), d), () => d);

/** A string, `d` when left out. */
export const text = (d: string): OptionField<string> => optionField(() => z._default(z.string(), d), () => d);

type Shape = Record<string, OptionField<unknown>>;
type Output<S extends Shape> = { [K in keyof S]: S[K] extends OptionField<infer T> ? T : never };

/** A rule's options schema, with zod's schema for tools that read one (the docs). */
export interface RuleOptionsSchema<O> extends OptionsSchema<O> {
  zod(): z.ZodMiniType<O>;
}

/** The options object of a rule: no unknown keys; each key's default applies when it is left out. */
export function ruleOptions<S extends Shape>(shape: S): RuleOptionsSchema<Output<S>> {
  const zod = once((): z.ZodMiniType<Output<S>> => {
    const fields: Record<string, z.ZodMiniType<unknown>> = {};
    for (const [key, f] of Object.entries(shape)) fields[key] = f.schema();
    return z.prefault(z.strictObject(fields), {}) as unknown as z.ZodMiniType<Output<S>>;
  });
  return {
    zod,
    safeParse(value: unknown) {
      if (value !== undefined) return zod().safeParse(value);
      const data: Record<string, unknown> = {};
      for (const [key, f] of Object.entries(shape)) data[key] = f.value();
      return { success: true, data: data as Output<S> };
    },
  };
}
