/** Size limits every host applies to what it reads. */
/**
 * Files larger than this are refused unless --max-file-size says otherwise.
 * A Bugzilla comment holds at most 65,535 characters, so a real report is far
 * smaller; parsing Markdown takes roughly 250 times the file size in memory,
 * and this keeps a run under 1 GiB.
 */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/**
 * Appendix attachments (*.csv, *.txt) larger than this are refused unless
 * --max-attachment-size says otherwise: a CSV row is a few hundred bytes,
 * so 50 MB is well over 100,000 certificates, and a CSV costs about 30
 * times its size in memory, not the 250 times of a Markdown report.
 */
export const DEFAULT_MAX_ATTACHMENT_SIZE = 50 * 1024 * 1024;
/**
 * Bug thread exports (*.bug.json) larger than this are refused unless
 * --max-file-size says otherwise: a bug of a few hundred comments is well
 * under 5 MB of JSON, and only the CA's report comments (65,535 characters
 * each at most) are parsed as Markdown.
 */
export const DEFAULT_MAX_THREAD_SIZE = 20 * 1024 * 1024;
