/** The rules that compare one section with another, and the Related Incidents row checks. */
export const CROSS_RULES = [
  'lessons-action-items',
  'action-items-revocation-delay',
  'action-items-recurrence',
  'related-incidents-scope',
  'related-incidents-links',
  'summary-timeline-match',
  'impact-certificate-types',
  'impact-heuristic-specific',
  'impact-preliminary',
  'action-item-evidence-date',
  'timestamp-timezone',
];
