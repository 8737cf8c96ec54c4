/**
 * Output formats. Each formatter is a pure function of the results; none
 * decides the exit code. Formatters load lazily: a run pays only for its own.
 */
import type { Formatter } from './types.js';

export type { FormatContext, Formatter } from './types.js';

export const FORMATS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).default,
  compact: async () => (await import('./compact.js')).default,
  json: async () => (await import('./json.js')).default,
  sarif: async () => (await import('./sarif.js')).default,
  github: async () => (await import('./github.js')).default,
  junit: async () => (await import('./junit.js')).default,
  due: async () => (await import('./due.js')).default,
  html: async () => (await import('./html.js')).default,
};

export const FORMAT_NAMES = Object.keys(FORMATS);
