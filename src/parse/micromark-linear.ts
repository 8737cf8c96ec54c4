/**
 * Make micromark's EditMap apply its edits in time proportional to the events
 * it moves, not to the whole event list.
 *
 * micromark applies an EditMap each time a list or block quote closes and at
 * each setext heading, always on the whole document's events. The stock
 * `consume` copies every event before the first edit (`events.slice()`),
 * although those events stay where they are, so a report with many lists
 * parsed in time quadratic in its size (1 MB: 5.9 s; 5 MB: about 70 s). This
 * `consume` keeps the untouched prefix in place and only moves the events
 * after the first edit; its result is the same array holding the same events
 * in the same order (test/micromark-linear.test.ts compares it with the stock
 * one on random edits).
 *
 * micromark and micromark-core-commonmark share the one copy of
 * micromark-util-edit-map that package.json pins, so this reaches both.
 */
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';

type Change = [number, number, Event[]];

/** The stock implementation, kept for the equivalence test. */
export const stockConsume = EditMap.prototype.consume;

export function linearConsume(this: EditMap, events: Event[]): undefined {
  const map = (this as unknown as { map: Change[] }).map;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return;
  // From the last edit backwards: cut the events after each edit off, keep them with what the edit adds.
  const pieces: Event[][] = [];
  for (let i = map.length - 1; i >= 0; i--) {
    const [at, remove, add] = map[i] as Change;
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  // `events` now holds the untouched prefix; put the pieces back in order.
  for (let p = pieces.length - 1; p >= 0; p--) {
    for (const e of pieces[p] as Event[]) events.push(e);
  }
  map.length = 0;
  (this as unknown as { index: Map<number, Change> }).index.clear();
  return undefined;
}

EditMap.prototype.consume = linearConsume;
