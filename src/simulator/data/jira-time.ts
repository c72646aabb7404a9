/**
 * Jira's date formats. REST v2 writes timestamps as `2026-12-04T16:08:39.000+0000` (Java's
 * `yyyy-MM-dd'T'HH:mm:ss.SSSZ`: no colon in the offset, so not RFC 3339) and date-only fields
 * (duedate, date pickers) as `yyyy-MM-dd`. The simulator always answers in UTC.
 */

/** A timestamp in Jira's REST format, in UTC. */
export function formatJiraDateTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}

/** True for a real calendar date written `yyyy-MM-dd` (what Jira accepts for date fields). */
export function isJiraDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}
