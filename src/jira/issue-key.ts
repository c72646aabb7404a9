/**
 * What a Jira issue key is, in one place for the whole add-in: the finder (a key typed in full),
 * the lookups (keys worth asking Jira about), the detector (keys in an email) and the links kept on
 * an email all read keys by these rules.
 *
 * A key is `<project key>-<issue number>`. Jira's default project key pattern is `([A-Z][A-Z]+)`,
 * but admins may change it (jira.projectkey.pattern) to any pattern whose keys start with a letter
 * and hold only capitals, digits and "_" (one-letter keys included), and may raise the maximum
 * project key size to 255
 * (confluence.atlassian.com/adminjiraserver/changing-the-project-key-format-938847081.html). The
 * issue number is a positive counter written without leading zeros; the issue key format itself
 * can't be configured.
 */

/** The longest project key Jira can be configured to allow ("Maximum project key size"). */
export const MAX_PROJECT_KEY_LENGTH = 255;
/**
 * Digits of an issue number at most. Jira stores them as Java longs, but no Jira counts past
 * 15 digits, and up to there a number is exact in JavaScript: longer digit runs are not keys.
 */
export const MAX_ISSUE_NUMBER_DIGITS = 15;

const PROJECT_REST = `{0,${MAX_PROJECT_KEY_LENGTH - 1}}`;
const NUMBER = `[1-9][0-9]{0,${MAX_ISSUE_NUMBER_DIGITS - 1}}`;

/**
 * The regular expression source of a key as Jira writes it (capitals), without anchors or
 * boundaries, for callers that add their own (the detector's token rules).
 */
export const ISSUE_KEY_SOURCE = `[A-Z][A-Z0-9_]${PROJECT_REST}-${NUMBER}`;
/**
 * The same in any case ("sup-2", as people type it), ASCII letters only: a case-insensitive flag
 * with `u` would also let `ſ` (U+017F) and the Kelvin sign through as S and K.
 */
export const ANY_CASE_ISSUE_KEY_SOURCE = `[A-Za-z][A-Za-z0-9_]${PROJECT_REST}-${NUMBER}`;

const EXACT_KEY = new RegExp(`^${ISSUE_KEY_SOURCE}$`);
const EXACT_ANY_CASE_KEY = new RegExp(`^${ANY_CASE_ISSUE_KEY_SOURCE}$`);

/** An issue key taken apart. */
export interface IssueKey {
  /** The key as Jira writes it: "SUP-2". */
  key: string;
  projectKey: string;
  number: number;
}

/**
 * The issue key `text` is, spaces around it forgiven and any case taken ("sup-2 " → SUP-2); else
 * undefined ("SUP-02", "SUP-0", "SUP 2", "SÜP-2" are not keys).
 */
export function parseIssueKey(text: string): IssueKey | undefined {
  const typed = text.trim();
  if (!EXACT_ANY_CASE_KEY.test(typed)) return undefined;
  const key = typed.toUpperCase();
  const dash = key.lastIndexOf("-");
  return { key, projectKey: key.slice(0, dash), number: Number(key.slice(dash + 1)) };
}

/** Whether `text` is exactly an issue key as Jira writes it (capitals, nothing around it). */
export function isIssueKey(text: string): boolean {
  return EXACT_KEY.test(text);
}
