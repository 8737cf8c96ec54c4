/**
 * The page's Web Worker: lints off the main thread so typing never waits.
 * Requests that arrive while one is running are coalesced: only the newest
 * lint request is run (a fix-all or posting request always runs).
 */
import { check } from './engine.js';
import type { LintAnswer, LintRequest } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: { data: LintRequest }) => void) | null;
  postMessage(answer: LintAnswer): void;
  setTimeout(fn: () => void, ms: number): unknown;
}

const scope = self as unknown as WorkerScope;
const queue: LintRequest[] = [];
let scheduled = false;

/** One request, then back to the event loop, so that requests sent meanwhile arrive (and replace older lints) first. */
async function next(): Promise<void> {
  const request = queue.shift();
  if (request) scope.postMessage(await check(request));
  if (queue.length > 0) scope.setTimeout(() => void next(), 0);
  else scheduled = false;
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'lint') {
    // A newer lint makes an older one that has not started pointless.
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.type === 'lint') queue.splice(i, 1);
  }
  queue.push(request);
  if (!scheduled) {
    scheduled = true;
    scope.setTimeout(() => void next(), 0);
  }
};
