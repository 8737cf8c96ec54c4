/**
 * node:url for the browser build: the two functions the config loader names
 * (a plugin rule's default docs URL). Plugins do not load in the browser, so
 * these only need to be right for plain POSIX paths.
 */
export function pathToFileURL(p: string): URL {
  return new URL(`file://${p.split('/').map(encodeURIComponent).join('/')}`);
}

export function fileURLToPath(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (u.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  return decodeURIComponent(u.pathname);
}
