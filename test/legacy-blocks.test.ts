/** Legacy (seven-question) reports: question forms and questions that share one line. */
import { describe, expect, it } from 'vitest';
import { legacyQuestionOf, splitQuestionLine } from '../src/parse/legacy.js';
import { parseReport } from '../src/parse/index.js';
import { TEMPLATES } from '../src/templates.js';

describe('legacy questions', () => {
  it('splits questions whose line breaks were collapsed', () => {
    const line = '1. How your CA first became aware of the problem, and the time and date. Email on 1/29/2019 11:18 AM 2. A timeline of the actions your CA took in response. 1/29/2019 received 3.Whether your CA has stopped, or has not yet stopped, issuing certificates with the problem. Yes.';
    const r = parseReport(`${line}\n`);
    expect(r.blocks.map((b) => b.template)).toEqual(['mozilla-legacy']);
    const sections = r.blocks[0]!.sections;
    expect(sections.map((s) => s.spec.key)).toEqual(['q1-awareness', 'q2-timeline', 'q3-stopped']);
    // Each part keeps its place in the source.
    for (const s of sections) expect(line.slice(s.headingSpan.start, s.headingSpan.start + 3)).toMatch(/^(?:1\.|2\.|3\.|How)/);
    expect(sections[1]!.headingSpan.column).toBe(line.indexOf('2. A timeline') + 1);
    // The answers are on the same line: each section's text is its part of the line.
    expect(sections[2]!.text).toBe('3.Whether your CA has stopped, or has not yet stopped, issuing certificates with the problem. Yes.');
  });

  it('does not split a line that only mentions numbers', () => {
    const l = parseReport('We revoked 2. Then we waited for version 3. Nothing else happened in this long line of text here.\n').lines[0]!;
    expect(splitQuestionLine(l)).toHaveLength(1);
  });

  it('reads abbreviated titles only under their own number', () => {
    const r = parseReport('**1. Awareness**\n\nEmail.\n\n**2. Timeline**\n\nEvents.\n\n**5. Summary**\n\nText.\n');
    expect(r.blocks[0]!.sections.map((s) => s.spec.key)).toEqual(['q1-awareness', 'q2-timeline']);
  });

  it('reads "Topic N:" by its number', () => {
    const r = parseReport('Topic 1: Discovery\n\nEmail.\n\nTopic 4: Numbers\n\n2 certificates.\n');
    expect(r.blocks[0]!.sections.map((s) => s.spec.key)).toEqual(['q1-awareness', 'q4-summary']);
  });
});

describe('legacy question patterns', () => {
  // legacyQuestionOf reads only 100 normalised characters of a line where just the
  // unanchored patterns apply: each must be a phrase of at most 40 characters.
  it('unanchored patterns are plain phrases of at most 40 characters', () => {
    const unanchored = TEMPLATES['mozilla-legacy'].sections.flatMap((s) => s.patterns ?? []).filter((p) => !p.source.startsWith('^'));
    expect(unanchored.length).toBeGreaterThan(5);
    for (const p of unanchored) {
      expect(p.source, p.source).toMatch(/^[a-z ,?]+$/);
      expect(p.source.replace(/\?/g, '').length, p.source).toBeLessThanOrEqual(40);
    }
  });

  it('reads a question phrase starting within 60 characters of a long line, not later', () => {
    const line = (text: string) => parseReport(`${text}\n`).lines[0]!;
    const tail = ' and then'.repeat(60);
    expect(legacyQuestionOf(line(`${'x'.repeat(50)} a timeline of the actions your CA took${tail}`), false)?.key).toBe('q2-timeline');
    expect(legacyQuestionOf(line(`${'x'.repeat(70)} a timeline of the actions your CA took${tail}`), false)).toBeUndefined();
    expect(legacyQuestionOf(line(`**${'x'.repeat(40)}** ${'_'.repeat(200)} a timeline of the actions your CA took${tail}`), false)?.key).toBe('q2-timeline');
  });
});
