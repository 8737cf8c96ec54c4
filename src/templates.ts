/**
 * The report templates as data: sections, fields, order, what is required.
 * A new IRG version is a change here, not in the rules.
 *
 * Labels are the exact labels of the CCADB Incident Reporting Guidelines
 * (IRG) templates; aliases are spellings real reports use.
 */

export type TemplateId =
  | 'ccadb-v3-preliminary'
  | 'ccadb-v3-full'
  | 'ccadb-v3-closure'
  | 'ccadb-v2'
  | 'ccadb-v2-preliminary'
  | 'mozilla-legacy';

export const TEMPLATE_IDS: readonly TemplateId[] = [
  'ccadb-v3-preliminary',
  'ccadb-v3-full',
  'ccadb-v3-closure',
  'ccadb-v2',
  'ccadb-v2-preliminary',
  'mozilla-legacy',
];

/** Which of a bug's reports a template is: the Preliminary report, the Full report (v2 and the Mozilla seven questions included) or the Closure Summary. */
export type ReportKind = 'preliminary' | 'full' | 'closure';

const REPORT_KIND: Record<TemplateId, ReportKind> = {
  'ccadb-v3-preliminary': 'preliminary',
  'ccadb-v2-preliminary': 'preliminary',
  'ccadb-v3-full': 'full',
  'ccadb-v2': 'full',
  'mozilla-legacy': 'full',
  'ccadb-v3-closure': 'closure',
};

export function reportKindOf(template: TemplateId): ReportKind {
  return REPORT_KIND[template];
}

export interface FieldSpec {
  /** Stable key used by rules, e.g. `ccadb-id`. */
  key: string;
  /** The template's label. */
  label: string;
  /** Other spellings accepted (matched like the label). */
  aliases?: string[];
  /** Must be present (possibly as N/A). */
  required: boolean;
  /** Key of the parent field for nested bullets (Timeline summary dates). */
  parent?: string;
  /** May legitimately be left empty (optional free text). */
  mayBeEmpty?: boolean;
}

export interface SectionSpec {
  key: string;
  /** The template's heading text. */
  title: string;
  aliases?: string[];
  required: boolean;
  fields?: FieldSpec[];
  /** Fields repeat per contributing factor (v3 Root Cause Analysis). */
  repeatingFields?: FieldSpec[];
  /** The section has no heading of its own (closure body). */
  implicit?: boolean;
  /** Legacy questions: patterns that recognise the question line. */
  patterns?: RegExp[];
  /** Legacy questions: short titles ("Timeline", "Root cause") that count only under this question's number ("2.", "Topic 2:", "Q2"). */
  shortForms?: RegExp[];
  /** Legacy questions: the question's number. */
  number?: number;
}

export interface TemplateSpec {
  id: TemplateId;
  name: string;
  /** Report headings that start a block of this template (normalised). */
  headings: string[];
  sections: SectionSpec[];
  /** The date this template came into force (ISO date), when known. */
  effectiveFrom?: string;
  /** The date a newer template replaced this one (ISO date). */
  supersededOn?: string;
  /** Where the template is defined. */
  source: string;
}

const SUMMARY_V3: FieldSpec[] = [
  { key: 'ccadb-id', label: 'CA Owner CCADB unique ID', required: true },
  { key: 'incident-description', label: 'Incident description', required: true },
  { key: 'timeline-summary', label: 'Timeline summary', required: true, mayBeEmpty: true },
  { key: 'noncompliance-start', label: 'Non-compliance start date', required: true, parent: 'timeline-summary' },
  { key: 'noncompliance-identified', label: 'Non-compliance identified date', required: true, parent: 'timeline-summary' },
  { key: 'noncompliance-end', label: 'Non-compliance end date', required: true, parent: 'timeline-summary' },
  { key: 'relevant-policies', label: 'Relevant policies', required: true },
  { key: 'disclosure-source', label: 'Source of incident disclosure', required: true },
];

const IMPACT_V3: FieldSpec[] = [
  { key: 'total-certificates', label: 'Total number of certificates', required: true },
  {
    key: 'remaining-valid',
    label: 'Total number of "remaining valid" certificates',
    aliases: ['Total number of remaining valid certificates'],
    required: true,
  },
  { key: 'certificate-types', label: 'Affected certificate types', required: true },
  { key: 'incident-heuristic', label: 'Incident heuristic', required: true },
  {
    key: 'issuance-stopped',
    label: 'Was issuance stopped in response to this incident, and why or why not?',
    aliases: ['Was issuance stopped in response to this incident'],
    required: true,
  },
  { key: 'analysis', label: 'Analysis', required: true },
  { key: 'additional-considerations', label: 'Additional considerations', required: false, mayBeEmpty: true },
];

const RCA_FACTOR_FIELDS: FieldSpec[] = [
  { key: 'factor-description', label: 'Description', required: true },
  { key: 'factor-timeline', label: 'Timeline', required: true },
  { key: 'factor-detection', label: 'Detection', required: true },
  { key: 'factor-interaction', label: 'Interaction with other factors', required: true },
  { key: 'factor-methodology', label: 'Root Cause Analysis methodology used', required: false },
];

const LESSONS_V3: FieldSpec[] = [
  { key: 'went-well', label: 'What went well', required: true },
  { key: 'went-badly', label: "What didn't go well", aliases: ['What did not go well'], required: true },
  { key: 'got-lucky', label: 'Where we got lucky', required: true },
  { key: 'lessons-other', label: 'Additional', aliases: ['Other'], required: true },
];

const LESSONS_V2: FieldSpec[] = [
  { key: 'went-well', label: 'What went well', required: true },
  { key: 'went-badly', label: "What didn't go well", aliases: ['What did not go well'], required: true },
  { key: 'got-lucky', label: 'Where we got lucky', required: true },
];

const RCA_ALIASES = ['Root Causes', 'Root Cause', 'Root Cause(s)', 'Root Cause Analyses'];

export const TEMPLATES: Record<TemplateId, TemplateSpec> = {
  'ccadb-v3-preliminary': {
    id: 'ccadb-v3-preliminary',
    name: 'CCADB v3 Preliminary Incident Report',
    headings: ['preliminary incident report'],
    effectiveFrom: '2025-03-01',
    source: 'CCADB IRG 3.x, "Preliminary Incident Report" template',
    sections: [
      {
        key: 'summary',
        title: 'Summary',
        required: true,
        fields: [
          { key: 'incident-description', label: 'Incident description', required: true },
          { key: 'relevant-policies', label: 'Relevant policies', required: true },
          { key: 'disclosure-source', label: 'Source of incident disclosure', required: true },
        ],
      },
    ],
  },
  'ccadb-v3-full': {
    id: 'ccadb-v3-full',
    name: 'CCADB v3 Full Incident Report',
    headings: ['full incident report'],
    effectiveFrom: '2025-03-01',
    source: 'CCADB IRG 3.x, "Full Incident Report" template',
    sections: [
      { key: 'summary', title: 'Summary', required: true, fields: SUMMARY_V3 },
      { key: 'impact', title: 'Impact', required: true, fields: IMPACT_V3 },
      { key: 'timeline', title: 'Timeline', required: true },
      { key: 'related-incidents', title: 'Related Incidents', required: true },
      {
        key: 'root-cause-analysis',
        title: 'Root Cause Analysis',
        aliases: RCA_ALIASES,
        required: true,
        repeatingFields: RCA_FACTOR_FIELDS,
      },
      { key: 'lessons-learned', title: 'Lessons Learned', required: true, fields: LESSONS_V3 },
      { key: 'action-items', title: 'Action Items', required: true },
      { key: 'appendix', title: 'Appendix', required: true },
    ],
  },
  'ccadb-v3-closure': {
    id: 'ccadb-v3-closure',
    name: 'CCADB v3 Report Closure Summary',
    headings: ['report closure summary', 'incident report closure summary', 'closure summary'],
    effectiveFrom: '2025-03-01',
    source: 'CCADB IRG 3.x, "Report Closure Summary" template',
    sections: [
      {
        key: 'closure',
        title: 'Report Closure Summary',
        required: true,
        implicit: true,
        fields: [
          { key: 'incident-description', label: 'Incident description', required: true },
          { key: 'incident-root-causes', label: 'Incident Root Cause(s)', aliases: ['Incident Root Causes', 'Incident Root Cause', 'Root Cause(s)'], required: true },
          { key: 'remediation-description', label: 'Remediation description', required: true },
          { key: 'commitment-summary', label: 'Commitment summary', required: true },
        ],
      },
    ],
  },
  'ccadb-v2': {
    id: 'ccadb-v2',
    name: 'CCADB v2 Incident Report',
    headings: ['incident report'],
    effectiveFrom: '2023-10-17',
    supersededOn: '2025-03-01',
    source: 'CCADB IRG 2.0 (2023-10-17), "Incident Report" template',
    sections: [
      { key: 'summary', title: 'Summary', required: true },
      { key: 'impact', title: 'Impact', required: true },
      { key: 'timeline', title: 'Timeline', required: true },
      { key: 'root-cause-analysis', title: 'Root Cause Analysis', aliases: RCA_ALIASES, required: true },
      { key: 'lessons-learned', title: 'Lessons Learned', required: true, fields: LESSONS_V2 },
      { key: 'action-items', title: 'Action Items', required: true },
      { key: 'appendix', title: 'Appendix', required: true },
    ],
  },
  'ccadb-v2-preliminary': {
    id: 'ccadb-v2-preliminary',
    name: 'CCADB IRG 2.0 preliminary report',
    // Found by what it says ("This is a preliminary report ... the full report will follow by ..."), under an "Incident Report" heading or none.
    headings: [],
    effectiveFrom: '2023-10-17',
    supersededOn: '2025-03-01',
    source: 'CCADB IRG 2.0 (2023-10-17), "Incident Reports": a preliminary report is an executive summary with the date the full incident report will be posted',
    sections: [
      { key: 'summary', title: 'Executive summary', aliases: ['Summary', 'Incident summary'], required: true, implicit: true },
    ],
  },
  'mozilla-legacy': {
    id: 'mozilla-legacy',
    name: 'Mozilla seven-question incident report',
    headings: [],
    supersededOn: '2023-10-17',
    source: 'Mozilla wiki "CA/Responding To An Incident" / IRG 1.0',
    sections: [
      {
        key: 'q1-awareness',
        number: 1,
        title: 'How your CA first became aware of the problem',
        required: true,
        patterns: [/first became aware/i, /^(?:became )?aware(?:ness)?\b/i, /^how (?:we|the ca) became aware/i],
        shortForms: [/^(?:how (?:we|the ca|[a-z]+) (?:first )?(?:became aware|learned|found out|discovered)|discovery|detection|notification|initial (?:report|awareness))\b/i],
      },
      {
        key: 'q2-timeline',
        number: 2,
        title: 'A timeline of the actions your CA took in response',
        required: true,
        patterns: [/timeline of the actions/i, /^timeline\b/i, /^a timeline\b/i],
        shortForms: [/^(?:chronology|time line|sequence of events|events)\b/i],
      },
      {
        key: 'q3-stopped',
        number: 3,
        title: 'Whether your CA has stopped, or has not yet stopped, issuing certificates with the problem',
        required: true,
        patterns: [
          /has stopped,? or has not yet stopped/i,
          /^whether (?:your|the) ca has stopped/i,
          /^(?:stopped|stop(?:ping)?) issuance\b/i,
          /^issuance stopped\b/i,
          // Reworded: "Have you stopped issuing certificates with this problem?", "Has issuance been stopped?"
          /^(?:have|has) (?:you|we|your ca|the ca|[a-z]+) (?:stopped|halted|ceased|suspended) (?:issu|the issu)/i,
          /^(?:has|have) (?:the )?issuance (?:been )?(?:stopped|halted|ceased|suspended)\b/i,
          /^(?:did|does|is) (?:your ca|the ca|you|[a-z]+) (?:stop|still) issu/i,
        ],
        shortForms: [/^(?:issuance|(?:has|have) (?:we|the ca) stopped|stopp(?:ed|ing)|halt(?:ed|ing)?|cessation)\b/i],
      },
      {
        key: 'q4-summary',
        number: 4,
        title: 'A summary of the problematic certificates',
        required: true,
        patterns: [/summary of the problematic certificates/i, /^(?:summary of )?problematic certificates\b/i, /^certificate summary\b/i],
        shortForms: [/^(?:summary|affected certificates|(?:number|count) of (?:affected |problematic )?certificates|statistics|impact)\b/i],
      },
      {
        key: 'q5-data',
        number: 5,
        title: 'The complete certificate data for the problematic certificates',
        required: true,
        patterns: [/complete certificate data/i, /^certificate data\b/i],
        shortForms: [/^(?:(?:affected |problematic )?certificates?(?: list| details)?|(?:list of|details of) (?:the )?(?:affected |problematic )?certificates|data|fingerprints|crt\.sh(?: links)?)\b/i],
      },
      {
        key: 'q6-explanation',
        number: 6,
        title: 'Explanation about how and why the mistakes were made or bugs introduced',
        required: true,
        patterns: [/how and why the mistakes were made/i, /^explanation about how and why/i, /^(?:root cause|explanation)\b/i],
        shortForms: [/^(?:root causes?|cause|analysis|how and why|why)\b/i],
      },
      {
        key: 'q7-steps',
        number: 7,
        title: 'List of steps your CA is taking to resolve the situation',
        required: true,
        patterns: [/steps your ca is taking/i, /^list of steps\b/i, /^(?:remediation|steps taken)\b/i],
        shortForms: [/^(?:steps|actions?|action items|action plan|resolution|remediation plan|prevention|corrective actions?|next steps)\b/i],
      },
    ],
  },
};

/** The date CCADB Policy 2.0 §6.1 took effect. */
export const TEMPLATE_POLICY_EFFECTIVE = '2025-07-15';
/** Days a superseded template may still be used. */
export const TEMPLATE_GRACE_DAYS = 30;
