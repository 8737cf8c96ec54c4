import { flag, ruleOptions } from '../src/options.js';
import type { TimelineEntry } from '../src/model.js';
import { exampleForm, timelines, writtenTimestamp } from '../src/parse/timeline.js';
import { formatOffset, localDate, wallForm, ZONE_ABBREVIATIONS, type ZoneInfo } from '../src/parse/timestamp.js';
import { defineRule } from '../src/types.js';

function meaningsText(zone: ZoneInfo): string {
  const m = zone.meanings ?? [];
  return m.length <= 1 ? (m[0] ?? '') : `${m.slice(0, -1).join(', ')} or ${m[m.length - 1]}`;
}

function isNamed(zone: ZoneInfo): boolean {
  return zone.kind === 'abbreviation' || zone.kind === 'iana' || zone.kind === 'local';
}

export default defineRule({
  meta: {
    id: 'timeline-timezone',
    description: 'Require every time in the timeline to be in UTC or to carry a UTC offset.',
    tags: ['timeline'],
    severity: 'error',
    messages: {
      noZone: 'Time "{{found}}" has no timezone; the IRG requires UTC or UTC plus an offset. Write "{{example}}", or state once at the top of the Timeline "All times are UTC."',
      noZoneAny:
        'No time in this timeline says its timezone ({{times}}); the IRG requires UTC or UTC plus an offset. Add "All times are UTC." (or "All times are UTC+8.") at the top of the Timeline, or write each time as "{{example}}".',
      ambiguousZone: '"{{zone}}" in "{{found}}" is ambiguous: it can mean {{meanings}}. Write the offset instead, e.g. "{{example}}".',
      seasonMismatch:
        '"{{zone}}" in "{{found}}" is {{season}} time, but on {{date}} that region is on {{other}} ({{otherOffset}}), so the offset is unclear. Write the offset instead, e.g. "{{example}}".',
      namedZone: '"{{zone}}" in "{{found}}" is a zone name, not UTC or a UTC offset as the IRG requires; write "{{example}}".',
      localZone: '"{{zone}}" in "{{found}}" does not say which timezone; the IRG requires UTC or UTC plus an offset. Write "{{example}}".',
      ambiguousDeclaration: 'The timeline\'s zone "{{zone}}" is ambiguous: it can mean {{meanings}}. State the offset instead, e.g. "All times are {{offset}}."',
      namedDeclaration: 'The timeline\'s zone "{{zone}}" is a zone name, not UTC or a UTC offset as the IRG requires; state "All times are {{offset}}." or convert the times to UTC.',
    },
    options: ruleOptions({
        /** Accept unambiguous zone names (CEST, PDT, Europe/Berlin) although the IRG asks for UTC or an offset. */
        acceptNamedZones: flag(false),
      }),
    rationale:
      'A timeline without a timezone cannot be lined up with CT logs, CRLs, Bugzilla comments or another CA\'s report; reviewers ask "what timezone?" more than any other timeline question. The IRG requires every time in UTC or UTC plus an offset. One statement for the whole section ("All times are UTC+8.", also in the heading) is enough. Abbreviations such as CST (US Central or China), IST (India, Ireland or Israel) and BST have several meanings, and EST or PST written for a summer date is an hour off from what the clock showed, so they are errors with a suggestion to write the offset.',
    source: 'CCADB IRG 3.x "Timeline": all times MUST be in UTC or UTC plus an offset; Mozilla wiki "Responding to an Incident": a date-and-time-stamped sequence.',
    examples: [
      {
        title: 'A time without a zone and without a section statement',
        code: '## Incident Report\n\n### Timeline\n\n- 2024-03-05 10:18 The report was received.\n',
        expect: [{ messageId: 'noZoneAny', line: 5 }],
      },
      {
        title: 'An ambiguous abbreviation',
        code: '## Incident Report\n\n### Timeline\n\n- 2024-03-05 10:18 CST The report was received.\n- 2024-03-05 11:00 UTC We replied.\n',
        expect: [{ messageId: 'ambiguousZone', line: 5 }],
      },
      {
        title: 'A section-level statement covers every entry',
        code: '## Incident Report\n\n### Timeline\n\nAll times are UTC+8.\n\n- 2024-03-05 10:18 The report was received.\n',
        expect: [],
      },
    ],
  },
  check(report, ctx) {
    const acceptNamed = ctx.options.acceptNamedZones;
    for (const t of timelines(report)) {
      // Section statements.
      for (const d of t.declarations) {
        if (d.zone.meanings) {
          ctx.report({ messageId: 'ambiguousDeclaration', data: { zone: d.zone.text, meanings: meaningsText(d.zone), offset: formatOffset(d.zone.offset ?? 0) }, loc: { start: d.span.start, end: d.span.end } });
        } else if (isNamed(d.zone) && !acceptNamed && !d.zone.season) {
          const offset = d.zone.offset !== undefined ? formatOffset(d.zone.offset) : 'UTC';
          ctx.report({ messageId: 'namedDeclaration', data: { zone: d.zone.text, offset }, loc: { start: d.span.start, end: d.span.end } });
        } else if (isNamed(d.zone) && !acceptNamed && d.zone.season) {
          // A seasonal name (CET, PST): its offset depends on the date; say both.
          const spec = ZONE_ABBREVIATIONS[d.zone.text];
          const other = spec?.season ? ZONE_ABBREVIATIONS[spec.season.other] : undefined;
          const offset = `${formatOffset(d.zone.offset ?? 0)}${other ? ` (${formatOffset(other.offset)} in ${spec?.season?.daylight ? 'winter' : 'summer'})` : ''}`;
          ctx.report({ messageId: 'namedDeclaration', data: { zone: d.zone.text, offset }, loc: { start: d.span.start, end: d.span.end } });
        }
      }

      const timed = t.entries.filter((e) => e.timestamp.time !== undefined);
      const unzoned = timed.filter((e) => e.zoneSource === 'none');
      if (unzoned.length > 0 && unzoned.length === timed.length && t.declarations.length === 0) {
        const first = unzoned[0] as TimelineEntry;
        ctx.report({ messageId: 'noZoneAny', data: { times: unzoned.length === 1 ? `"${writtenTimestamp(report, first)}"` : `${unzoned.length} times, the first is "${writtenTimestamp(report, first)}"`, example: exampleForm(first) }, loc: { start: first.at.start, end: first.at.end } });
        continue;
      }
      for (const e of timed) {
        const found = writtenTimestamp(report, e);
        const ts = e.timestamp;
        const loc = { start: e.at.start, end: e.at.end };
        if (e.zoneSource === 'none') {
          ctx.report({ messageId: 'noZone', data: { found, example: exampleForm(e) }, loc });
          continue;
        }
        const zone = ts.zoneUsed as ZoneInfo;
        const own = e.zoneSource === 'entry';
        if (own && zone.kind === 'local' && !zone.iana) {
          ctx.report({ messageId: 'localZone', data: { zone: zone.text, found, example: exampleForm(e) }, loc });
          continue;
        }
        if (ts.ambiguousZone) {
          // A section statement is reported once, at the statement.
          if (own) ctx.report({ messageId: 'ambiguousZone', data: { zone: zone.text, found, meanings: meaningsText(zone), example: wallForm(ts, formatOffset(zone.offset ?? 0)) ?? exampleForm(e) }, loc });
          continue;
        }
        if (ts.seasonMismatch && zone.season) {
          const other = ZONE_ABBREVIATIONS[zone.season.other];
          const otherOffset = other ? formatOffset(other.offset) : '';
          const example = (other ? wallForm(ts, formatOffset(other.offset)) : undefined) ?? exampleForm(e);
          ctx.report({
            messageId: 'seasonMismatch',
            data: { zone: zone.text, found, season: zone.season.daylight ? 'daylight-saving' : 'standard', date: localDate(ts) ?? '', other: zone.season.other, otherOffset, example },
            loc,
          });
          continue;
        }
        if (own && isNamed(zone) && !acceptNamed) {
          ctx.report({ messageId: 'namedZone', data: { zone: zone.text, found, example: exampleForm(e) }, loc });
        }
      }
    }
  },
});
