import { ruleOptions, stringList } from '../src/options.js';
import { rootCauseTexts } from '../src/parse/factors.js';
import { escapeRegExp } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { defineRule } from '../src/types.js';

const DEFAULT_PHRASES = [
  'human error',
  'human errors',
  'human mistake',
  'human mistakes',
  'human negligence',
  'human factor',
  'negligence',
  'oversight',
  'operator error',
  'manual error',
  'staff error',
  'employee error',
  'carelessness',
  'careless',
  'inexperience',
  'lack of training',
  'insufficient training',
  'not properly trained',
  'lack of attention',
  'did not pay attention',
];

/** Words that show the analysis reached a process, tool or control (matched as word starts). */
const DEFAULT_SYSTEMIC = [
  'process',
  'procedure',
  'control',
  'automat',
  'tool',
  'system',
  'software',
  'code',
  'design',
  'configur',
  'checklist',
  'lint',
  'workflow',
  'monitor',
  'alert',
  'test',
  'validation',
  'four-eyes',
  'four eyes',
  'dual control',
  'staffing',
  'on-call',
  'rota',
  'schedul',
  'escalation',
  'runbook',
  'playbook',
];

const Options = ruleOptions({
    /** Phrases that name human error as a cause. */
    phrases: stringList(DEFAULT_PHRASES),
    /** Word starts that show a systemic cause was named too; when one appears, the root cause is not flagged. */
    systemic: stringList(DEFAULT_SYSTEMIC),
  });

function flexible(phrase: string): string {
  return escapeRegExp(phrase.trim()).replace(/\s+/g, '\\s+');
}

const compiled = perOptions((o: { phrases: string[]; systemic: string[] }) => {
  const phrases = o.phrases.filter((p) => p.trim() !== '');
  const systemic = o.systemic.filter((p) => p.trim() !== '');
  return {
    phraseRe: phrases.length > 0 ? new RegExp(`(?<![\\w-])(?:${phrases.map(flexible).join('|')})(?![\\w-])`, 'i') : undefined,
    systemicRe: systemic.length > 0 ? new RegExp(`(?<![\\w-])(?:${systemic.map(flexible).join('|')})`, 'i') : undefined,
  };
});

export default defineRule({
  meta: {
    id: 'rca-human-error',
    description: 'Disallow a root cause that stops at human error without naming the systemic cause.',
    tags: ['root-cause'],
    severity: 'warn',
    messages: {
      humanError:
        'The root cause in {{where}} stops at "{{phrase}}". The IRG treats human error as where the analysis starts: say which process, tool, control or staffing decision let it happen and why it was not caught.',
    },
    options: Options,
    rationale:
      'Reviewers reject "human error", "oversight" or "lack of training" as a root cause: people make mistakes, and the question the community asks is why the CA\'s systems let the mistake reach a certificate or a deadline. A root cause is flagged when it names such a phrase and no process, tool or control at all. The phrase list and the systemic words are options so a CA can tune them.',
    source: 'CCADB IRG 3.x, "Root Cause Analysis" (one block per contributing factor; a single root cause is unusual, and human error is where the analysis starts); Mozilla "Responding to an Incident".',
    examples: [
      {
        title: 'Human negligence as the whole root cause',
        code: '## Incident Report\n\n### Root Cause Analysis\n\nThe main causes of this incident are human negligence and inexperience.\n',
        expect: [{ messageId: 'humanError', line: 5 }],
      },
      {
        title: 'Human error explained by the missing control',
        code: '## Incident Report\n\n### Root Cause Analysis\n\nAn operator typed the wrong profile; the issuance system had no control that compares the profile with the order.\n',
        expect: [],
      },
    ],
  },
  check(report, ctx) {
    const { phraseRe, systemicRe } = compiled(ctx.options);
    if (!phraseRe) return;
    for (const unit of rootCauseTexts(report)) {
      // Each factor is judged by its own Description: a process named in its Detection or
      // Interaction field, or in another factor, does not explain this one.
      const description = unit.factor?.fields.find((f) => f.spec.key === 'factor-description');
      const judged = description && description.value ? description.value : unit.text;
      if (systemicRe?.test(judged)) continue;
      const lines = description && description.value ? unit.lines.filter((l) => l.line >= description.line && l.line <= description.valueSpan.endLine) : unit.lines;
      for (const l of lines) {
        const m = phraseRe.exec(l.text);
        if (!m) continue;
        ctx.report({ messageId: 'humanError', data: { where: unit.name, phrase: m[0] }, loc: { start: l.start + m.index, end: l.start + m.index + m[0].length } });
        break;
      }
    }
  },
});
