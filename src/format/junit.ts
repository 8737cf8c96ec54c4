/**
 * JUnit XML as CI servers read it (Jenkins, GitLab, Azure Pipelines, CircleCI):
 * one <testsuite> per file. As in ESLint's junit format, every diagnostic is a
 * failed <testcase> (classname: the file path without extension, so a dot in
 * the extension does not read as a package), and a clean file is one passing
 * <testcase>. A file that could not be linted, or a rule that crashed, is an
 * <error>, JUnit's word for "the test could not run", counted in `errors`.
 * Text is XML-escaped; characters XML 1.0 cannot hold and terminal control
 * characters are shown as `\xNN`.
 */
import type { Formatter } from './index.js';
import { relativePath } from './paths.js';
import { sanitize } from './sanitize.js';
import type { LintMessage } from '../types.js';

// Code points XML 1.0 does not allow (§2.2), including lone surrogates.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return sanitize(text)
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function classname(file: string): string {
  return file.replace(/\.[^./]+$/, '');
}

function caseFor(file: string, m: LintMessage): string {
  const rule = m.ruleId ?? 'ir-lint';
  const sev = m.severity === 2 ? 'error' : 'warning';
  const at = `${m.comment !== undefined ? `c${m.comment}:` : ''}${m.line}:${m.column}`;
  const name = `${rule} (${at})`;
  const detail = `${file}${m.comment !== undefined ? `#c${m.comment}` : ''}:${m.line}:${m.column}: ${sev} ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`;
  const element = m.fatal ? 'error' : 'failure';
  const type = m.fatal ? 'fatal' : sev;
  return (
    `    <testcase name="${xmlText(name)}" classname="${xmlText(classname(file))}" time="0">\n` +
    `      <${element} message="${xmlText(m.message)}" type="${type}">${xmlText(detail)}</${element}>\n` +
    `    </testcase>\n`
  );
}

const junit: Formatter = (results, ctx) => {
  let body = '';
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const r of results) {
    const file = relativePath(r.filePath, ctx.cwd);
    const fileErrors = r.messages.filter((m) => m.fatal).length;
    const fileFailures = r.messages.length - fileErrors;
    const fileTests = Math.max(r.messages.length, 1);
    tests += fileTests;
    failures += fileFailures;
    errors += fileErrors;
    body += `  <testsuite name="${xmlText(file)}" tests="${fileTests}" failures="${fileFailures}" errors="${fileErrors}" skipped="0" time="0">\n`;
    if (r.messages.length === 0) {
      body += `    <testcase name="${xmlText(file)}" classname="${xmlText(classname(file))}" time="0" />\n`;
    } else {
      for (const m of r.messages) body += caseFor(file, m);
    }
    body += '  </testsuite>\n';
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="ir-lint" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n` +
    body +
    '</testsuites>\n'
  );
};

export default junit;
