import { describe, expect, it } from 'vitest';
import { reportContext, whiteboardTags } from '../src/parse/context.js';
import { parseReport } from '../src/parse/index.js';
import { revocationDelay } from '../rules/_vocabulary.js';
import { HAS_CORPUS, seed } from './helpers/corpus.js';

/** The context the parser reads, with the rules' reading of it (is this a revocation delay?). */
const ctx = (text: string) => {
  const report = parseReport(text);
  return { ...reportContext(report), revocationDelay: revocationDelay(report) };
};

describe('report context', () => {
  it('reads every front matter key', () => {
    const c = ctx('---\ntitle: "Example CA: Delayed revocation"\nbug: https://bugzilla.mozilla.org/show_bug.cgi?id=1910805\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\nposted: 2025-09-10\nca-owner: Example CA Ltd\n---\n\n## Full Incident Report\n');
    expect(c.title).toEqual({ text: 'Example CA: Delayed revocation', line: 2, from: 'front-matter' });
    expect(c.bug).toBe(1910805);
    expect(c.posted).toBe('2025-09-10');
    expect(c.caOwner).toEqual({ name: 'Example CA Ltd', from: 'front-matter' });
    expect(c.whiteboard).toEqual({ tags: ['ca-compliance', 'leaf-revocation-delay'], from: 'front-matter', line: 4 });
    expect(c.revocationDelay).toMatchObject({ from: 'whiteboard', evidence: 'whiteboard tag [leaf-revocation-delay]', line: 4 });
    expect(c.frontMatterIssues).toEqual([]);
  });

  it('lists unknown keys and bad values with their lines', () => {
    const c = ctx('---\npostd: 2025-09-10\nbug: soon\n---\n');
    expect(c.frontMatterIssues).toEqual([
      { kind: 'unknown-key', key: 'postd', expected: 'posted', line: 2 },
      { kind: 'bad-value', key: 'bug', expected: 'a Bugzilla bug number or URL', found: 'soon', line: 3 },
    ]);
  });

  it('does not crash on bad YAML and derives nothing from it', () => {
    const c = ctx('---\ntitle: "unclosed\n---\n\n# Example CA: Delayed revocation\n');
    expect(c.frontMatterIssues).toEqual([]);
    expect(c.title?.from).toBe('h1');
    expect(c.revocationDelay?.from).toBe('title');
  });

  it('reads the CA Owner from an H1 title', () => {
    expect(ctx('# Example CA: OCSP outage\n').caOwner).toEqual({ name: 'Example CA', from: 'title' });
    expect(ctx('# OCSP outage\n').caOwner).toBeUndefined();
  });

  it('finds "delayed revocation" in the summary but not in related incidents', () => {
    expect(ctx('## Full Incident Report\n\n### Summary\n\n- Incident description: We delayed the revocation of 5 certificates.\n').revocationDelay?.from).toBe('text');
    expect(ctx('## Full Incident Report\n\n### Summary\n\n- Incident description: Bad OU.\n\n### Related Incidents\n\nA delayed revocation at another CA.\n').revocationDelay).toBeUndefined();
  });

  it('a whiteboard in front matter decides: without a delay tag, the words in the text do not count', () => {
    const text = '## Full Incident Report\n\n### Summary\n\n- Incident description: We delayed the revocation of 5 certificates.\n';
    expect(ctx(`---\nwhiteboard: "[ca-compliance]"\n---\n\n${text}`).revocationDelay).toBeUndefined();
    expect(ctx(`(Whiteboard: [ca-compliance])\n\n${text}`).revocationDelay).toMatchObject({ from: 'text', evidence: 'the report says "delayed the revocation"' });
    expect(ctx('(In reply to Someone from comment #2) We delayed the revocation.\n\n## Full Incident Report\n\n### Summary\n\n- Incident description: Bad OU.\n').revocationDelay).toBeUndefined();
    expect(ctx('We delayed the revocation.\n\n## Full Incident Report\n\n### Summary\n\n- Incident description: Bad OU.\n').revocationDelay).toMatchObject({ from: 'text', line: 1 });
  });

  it('parses whiteboard values', () => {
    expect(whiteboardTags('[ca-compliance] [ov-misissuance]')).toEqual(['ca-compliance', 'ov-misissuance']);
    expect(whiteboardTags(['[ca-compliance]', 'leaf-revocation-delay'])).toEqual(['ca-compliance', 'leaf-revocation-delay']);
    expect(whiteboardTags('ca-compliance, leaf-revocation-delay')).toEqual(['ca-compliance', 'leaf-revocation-delay']);
    expect(whiteboardTags(12)).toBeUndefined();
  });

  it.skipIf(!HAS_CORPUS)('reads the title and whiteboard of a rendered Bugzilla page (seed 000)', () => {
    const c = ctx(seed('000_'));
    expect(c.title).toMatchObject({ text: 'iTrusChina: Failure to Respond to May 2022 Survey', from: 'page', line: 1 });
    expect(c.caOwner).toEqual({ name: 'iTrusChina', from: 'title' });
    expect(c.whiteboard).toEqual({ tags: ['ca-compliance', 'disclosure-failure'], from: 'text', line: 9 });
    expect(c.revocationDelay).toBeUndefined();
  });
});
