/**
 * Jira refuses timestamps more than 5 minutes from its clock (`timestamp_refused`). Its answer
 * says what its clock is: `oauth_acceptable_timestamps="min-max"` (Jira's now ± 300 s) and the
 * `Date` header. The offset (Jira's clock minus ours) corrects every later signature.
 */

/**
 * Seconds to add to the local clock, or undefined when the answer tells nothing. The OAuth
 * parameter comes first: it is Jira's own clock, while `Date` may be a proxy's (nginx replaces
 * the upstream Date by default); `Date` is the fallback.
 */
export function clockOffsetSeconds(
  answer: { acceptableTimestamps?: string; dateHeader: string | null },
  localNowMs: number
): number | undefined {
  const window = /^(\d+)-(\d+)$/.exec(answer.acceptableTimestamps?.trim() ?? "");
  if (window) {
    const jiraNowSeconds = (Number(window[1]) + Number(window[2])) / 2;
    return Math.round(jiraNowSeconds - localNowMs / 1000);
  }
  const date = answer.dateHeader ? Date.parse(answer.dateHeader) : Number.NaN;
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.round((date - localNowMs) / 1000);
}
