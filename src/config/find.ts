/**
 * Finding the config for a directory: from there upwards to the filesystem
 * root, the first directory holding one of CONFIG_FILE_NAMES wins (in that
 * order within a directory; a package.json counts only when it has an
 * "ir-lint" key). Each directory is searched once per run.
 */
import path from 'node:path';
import { readConfigData, statKind, type ConfigReader } from './read.js';

export const CONFIG_FILE_NAMES = ['.irlintrc.json', '.irlintrc.yaml', '.irlintrc.yml', 'package.json'] as const;

/** A search for the nearest config file, cached per directory; resolves to its absolute path, or undefined when there is none. */
export function configFinder(r: ConfigReader): (dir: string) => Promise<string | undefined> {
  const found = new Map<string, Promise<string | undefined>>();
  const find = (dir: string): Promise<string | undefined> => {
    const cached = found.get(dir);
    if (cached) return cached;
    const promise = (async () => {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = path.join(dir, name);
        const kind = await statKind(r, candidate, true);
        if (kind === undefined) continue;
        if (name === 'package.json') {
          if (kind !== 'file') continue;
          const data = await readConfigData(r, candidate, false);
          if (data === undefined) continue;
        }
        return candidate;
      }
      const parent = path.dirname(dir);
      return parent === dir ? undefined : find(parent);
    })();
    found.set(dir, promise);
    return promise;
  };
  return find;
}
