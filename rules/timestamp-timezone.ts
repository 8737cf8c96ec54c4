import { flag, ruleOptions } from '../src/options.js';
import { TIMELINE_SECTION_KEYS } from '../src/parse/timeline.js';
import { timestampsIn } from '../src/parse/terms.js';
import { formatOffset, localDate, luxonZone, ZONE_ABBREVIATIONS, type ParsedTimestamp, type ZoneInfo } from '../src/parse/timestamp.js';
import { defineRule } from '../src/types.js';

/** Sections not read: the Timeline has its own rule; Related Incidents and the Appendix quote other texts and data. */
const SKIPPED = new Set<string>([...TIMELINE_SECTION_KEYS, 'related-incidents', 'appendix', 'q5-data']);
/** A line worth parsing: a clock time ("10:18", "3 PM"). */
const HAS_TIME = /\d[:h.]\d\d|\d[ \t]?[ap]\.?m\b/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The time in UTC for a given offset: "2025-06-03 17:00 UTC", or "17:00 UTC" without a date. */
function utcForm(ts: ParsedTimestamp, offset: number): string | undefined {
  const t = ts.time;
  if (!t) return undefined;
  if (ts.instant && ts.date && !ts.ambiguousDate && !ts.missingYear) {
    const written = ts.zoneUsed?.offset ?? (luxonZone(ts.zoneUsed)?.offset(ts.instant.toMillis()) ?? 0);
    return `${ts.instant.plus({ minutes: written - offset }).toUTC().toFormat('yyyy-LL-dd HH:mm')} UTC`;
  }
  const minutes = (((t.hour * 60 + (t.minute ?? 0) - offset) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)} UTC`;
}

/** A time written in UTC or with a UTC offset. */
function givesUtc(ts: ParsedTimestamp): boolean {
  return ts.time !== undefined && (ts.zone?.kind === 'utc' || ts.zone?.kind === 'offset');
}

function meaningsText(zone: ZoneInfo): string {
  const m = zone.meanings ?? [];
  return m.length <= 1 ? (m[0] ?? '') : `${m.slice(0, -1).join(', ')} or ${m[m.length - 1]}`;
}

const REPORT = (sentence: string): string =>
  `## Full Incident Report\n\n### Summary\n\n- **Incident description:** ${sentence}\n`;

export default defineRule({
  meta: {
    id: 'timestamp-timezone',
    description: 'Warn when a time outside the Timeline is written in a named local zone, or in a zone name that is wrong for its date.',
    tags: ['summary', 'impact', 'action-items'],
    severity: 'warn',
    messages: {
      namedZone: '"{{found}}" is in the local zone "{{zone}}"; the Timeline must use UTC or a UTC offset, and the rest of the report should too, so the times can be compared: write "{{utc}}".',
      localZone: '"{{found}}" says "{{zone}}", which does not say which timezone; write the time in UTC or with a UTC offset.',
      ambiguousZone: '"{{zone}}" in "{{found}}" is ambiguous: it can mean {{meanings}}. Write the time in UTC (with the first meaning, "{{utc}}") or with a UTC offset.',
      seasonMismatch:
        '"{{zone}}" in "{{found}}" is {{season}} time, but on {{date}} that region is on {{other}} ({{otherOffset}}); if the clock showed {{other}}, the time is "{{utc}}". Write it in UTC.',
    },
    options: ruleOptions({
      /** Accept unambiguous zone names (CEST, PDT, Europe/Berlin) that are right for their date. */
      acceptNamedZones: flag(false),
    }),
    rationale:
      'The IRG requires Timeline times in UTC or UTC plus an offset, and timeline-timezone checks that. The same times come back in the Summary ("identified at 10:00 PST"), the Impact ("issuance stopped at 16:40 CEST") and the Action Items; written in a local zone, they cannot be compared with the Timeline or the CT logs without converting, and a zone name that is wrong for its date (PST in June, when the Pacific coast is on PDT) is an hour off. The message gives the UTC form; a local time given with its UTC form beside it ("09:00 CEST (07:00 UTC)") is not reported. Related Incidents and the Appendix are not read.',
    source: 'CCADB IRG 3.x "Timeline": all times MUST be in UTC or UTC plus an offset (applied to the times the rest of the report repeats).',
    examples: [
      { title: 'A local zone in the Summary', code: REPORT('On 2025-08-12 at 07:30 PDT our scanner flagged 3 certificates.'), expect: [{ messageId: 'namedZone', line: 5 }] },
      { title: 'PST in June', code: REPORT('On 2025-06-03 at 10:00 PST our scanner flagged 3 certificates.'), expect: [{ messageId: 'seasonMismatch', line: 5 }] },
      { title: 'UTC', code: REPORT('On 2025-08-12 at 14:30 UTC our scanner flagged 3 certificates.'), expect: [] },
    ],
  },
  check(report, ctx) {
    const acceptNamed = ctx.options.acceptNamedZones;
    for (const block of report.blocks) {
      for (const s of block.sections) {
        if (SKIPPED.has(s.spec.key)) continue;
        for (const l of s.bodyLines) {
          if (l.kind !== 'text' && l.kind !== 'table') continue;
          // Table lines keep their text in `raw` (cells and pipes).
          const text = l.kind === 'table' ? l.raw : l.body;
          const base = l.kind === 'table' ? l.start : l.bodyStart;
          if (!HAS_TIME.test(text)) continue;
          const all = timestampsIn(text);
          all.forEach((ts, i) => {
            const zone = ts.zone;
            if (!ts.time || !zone || (zone.kind !== 'abbreviation' && zone.kind !== 'iana' && zone.kind !== 'local')) return;
            // "09:00 CEST (07:00 UTC)" or "07:00 UTC (09:00 CEST)": the UTC form is given beside it.
            const next = all[i + 1];
            const prev = all[i - 1];
            if ((next && givesUtc(next) && next.span[0] - ts.span[1] <= 4) || (prev && givesUtc(prev) && ts.span[0] - prev.span[1] <= 4)) return;
            const start = base + ts.span[0];
            const loc = { start, end: base + ts.span[1] };
            const found = text.slice(ts.span[0], ts.span[1]).replace(/\s+/g, ' ').trim();
            if (zone.kind === 'local' && !zone.iana) {
              ctx.report({ messageId: 'localZone', data: { found, zone: zone.text }, loc });
            } else if (ts.ambiguousZone) {
              ctx.report({ messageId: 'ambiguousZone', data: { found, zone: zone.text, meanings: meaningsText(zone), utc: utcForm(ts, zone.offset ?? 0) ?? '' }, loc });
            } else if (ts.seasonMismatch && zone.season) {
              const other = ZONE_ABBREVIATIONS[zone.season.other];
              const otherOffset = other?.offset ?? zone.offset ?? 0;
              ctx.report({
                messageId: 'seasonMismatch',
                data: { found, zone: zone.text, season: zone.season.daylight ? 'daylight-saving' : 'standard', date: localDate(ts) ?? ts.date?.text ?? '', other: zone.season.other, otherOffset: formatOffset(otherOffset), utc: utcForm(ts, otherOffset) ?? '' },
                loc,
              });
            } else if (!acceptNamed) {
              const offset = zone.offset ?? (ts.instant ? (luxonZone(zone)?.offset(ts.instant.toMillis()) ?? 0) : 0);
              ctx.report({ messageId: 'namedZone', data: { found, zone: zone.text, utc: utcForm(ts, offset) ?? '' }, loc });
            }
          });
        }
      }
    }
  },
});
