/**
 * The registry of built-in rules. Every rule is listed here once; the parity
 * test checks that each has its test file, its fixtures and its docs entry.
 */
import type { Rule } from '../src/types.js';

// structure
import reportTemplate from './report-template.js';
import templateCurrent from './template-current.js';
import sectionRequired from './section-required.js';
import sectionOrder from './section-order.js';
import sectionDuplicate from './section-duplicate.js';
import fieldRequired from './field-required.js';
import fieldEmpty from './field-empty.js';
import noPlaceholder from './no-placeholder.js';
import naFormat from './na-format.js';
import freeStanding from './free-standing.js';
import titleFormat from './title-format.js';
import htmlBlockUnclosed from './html-block-unclosed.js';
// summary and impact
import frontMatter from './front-matter.js';
import frontMatterKeys from './front-matter-keys.js';
import ccadbIdFormat from './ccadb-id-format.js';
import disclosureSource from './disclosure-source.js';
import relevantPoliciesSpecific from './relevant-policies-specific.js';
import impactCounts from './impact-counts.js';
import issuanceStoppedAnswer from './issuance-stopped-answer.js';
import revocationDelayAnalysis from './revocation-delay-analysis.js';
import containedOrOngoing from './contained-or-ongoing.js';
import preliminaryFullReportDate from './preliminary-full-report-date.js';
// root cause, lessons, actions, closure
import rcaContributingFactors from './rca-contributing-factors.js';
import rcaHumanError from './rca-human-error.js';
import rcaDepth from './rca-depth.js';
import actionItemsTable from './action-items-table.js';
import actionItemKind from './action-item-kind.js';
import actionItemStatus from './action-item-status.js';
import actionItemDueDate from './action-item-due-date.js';
import actionItemOverdue from './action-item-overdue.js';
import actionItemRootCause from './action-item-root-cause.js';
import actionItemEvaluationCriteria from './action-item-evaluation-criteria.js';
import actionItemsTrainingOnly from './action-items-training-only.js';
import closureAttestation from './closure-attestation.js';
import closureActionItemsComplete from './closure-action-items-complete.js';
// appendix, related incidents, legacy
import appendixCertificateData from './appendix-certificate-data.js';
// appendix attachments: the certificate CSV and the crt.sh list (meta.appliesTo), and the report against its CSV
import appendixCsvColumns from './appendix-csv-columns.js';
import appendixCsvValues from './appendix-csv-values.js';
import appendixCsvConsistency from './appendix-csv-consistency.js';
import appendixCsvCount from './appendix-csv-count.js';
import appendixCrtshList from './appendix-crtsh-list.js';
import relatedIncidentsLinks from './related-incidents-links.js';
import legacyQuestions from './legacy-questions.js';
// checks across sections
import lessonsActionItems from './lessons-action-items.js';
import actionItemsRevocationDelay from './action-items-revocation-delay.js';
import actionItemsRecurrence from './action-items-recurrence.js';
import relatedIncidentsScope from './related-incidents-scope.js';
import summaryTimelineMatch from './summary-timeline-match.js';
import impactCertificateTypes from './impact-certificate-types.js';
import impactHeuristicSpecific from './impact-heuristic-specific.js';
import impactPreliminary from './impact-preliminary.js';
import actionItemEvidenceDate from './action-item-evidence-date.js';
import timestampTimezone from './timestamp-timezone.js';
// timeline
import timelineTimezone from './timeline-timezone.js';
import timelineTimestamp from './timeline-timestamp.js';
import timelineDateFormat from './timeline-date-format.js';
import timelineOrder from './timeline-order.js';
import timelineFuture from './timeline-future.js';
import timelineKeyEvents from './timeline-key-events.js';
import timelineSummaryDates from './timeline-summary-dates.js';
// posting to Bugzilla
import bugzillaRawHtml from './bugzilla-raw-html.js';
import bugzillaImage from './bugzilla-image.js';
import bugzillaCommentLength from './bugzilla-comment-length.js';
// bug threads: the report's life in Bugzilla (meta.appliesTo: 'thread')
import bugInitialReport from './bug-initial-report.js';
import bugFullReport from './bug-full-report.js';
import bugResponseTime from './bug-response-time.js';
import bugUpdateCadence from './bug-update-cadence.js';
import bugRevocationDelayUpdates from './bug-revocation-delay-updates.js';
import bugClosure from './bug-closure.js';

export const rules: readonly Rule[] = [
  // structure
  reportTemplate,
  templateCurrent,
  sectionRequired,
  sectionOrder,
  sectionDuplicate,
  fieldRequired,
  fieldEmpty,
  noPlaceholder,
  naFormat,
  freeStanding,
  titleFormat,
  htmlBlockUnclosed,
  // summary and impact
  frontMatter,
  frontMatterKeys,
  ccadbIdFormat,
  disclosureSource,
  relevantPoliciesSpecific,
  impactCounts,
  issuanceStoppedAnswer,
  revocationDelayAnalysis,
  containedOrOngoing,
  preliminaryFullReportDate,

  // timeline
  timelineTimezone,
  timelineTimestamp,
  timelineDateFormat,
  timelineOrder,
  timelineFuture,
  timelineKeyEvents,
  timelineSummaryDates,

  // root cause, lessons, actions, appendix, closure
  rcaContributingFactors,
  rcaHumanError,
  rcaDepth,
  actionItemsTable,
  actionItemKind,
  actionItemStatus,
  actionItemDueDate,
  actionItemOverdue,
  actionItemRootCause,
  actionItemEvaluationCriteria,
  actionItemsTrainingOnly,
  closureAttestation,
  closureActionItemsComplete,

  appendixCertificateData,
  appendixCsvColumns,
  appendixCsvValues,
  appendixCsvConsistency,
  appendixCsvCount,
  appendixCrtshList,
  relatedIncidentsLinks,
  legacyQuestions,

  // checks across sections
  lessonsActionItems,
  actionItemsRevocationDelay,
  actionItemsRecurrence,
  relatedIncidentsScope,
  summaryTimelineMatch,
  impactCertificateTypes,
  impactHeuristicSpecific,
  impactPreliminary,
  actionItemEvidenceDate,
  timestampTimezone,

  // posting to Bugzilla
  bugzillaRawHtml,
  bugzillaImage,
  bugzillaCommentLength,
  // bug threads
  bugInitialReport,
  bugFullReport,
  bugResponseTime,
  bugUpdateCadence,
  bugRevocationDelayUpdates,
  bugClosure,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
