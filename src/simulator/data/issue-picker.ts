/**
 * What Jira's issue picker (`GET /rest/api/2/issue/picker`, OpenAPI `getIssuePickerResource`)
 * matches: an issue key typed in part ("SUP-", "sup-2"), or words each found at the start of a
 * summary word ("vpn dro" finds "VPN drops every hour"). Matched parts are wrapped in `<b>` in the
 * picker's HTML summary, the rest HTML-escaped, as Jira does.
 */
import { words } from "./text-match";
import type { IssueRecord } from "./types";

/** Issues shown per picker section (the simulator's choice; Jira's is configurable). */
export const PICKER_SECTION_LIMIT = 10;

function summaryOf(issue: IssueRecord): string {
  return typeof issue.values.summary === "string" ? issue.values.summary : "";
}

function keyMatches(query: string, issue: IssueRecord): boolean {
  const wanted = query.trim().toUpperCase();
  return wanted.includes("-") && issue.key.toUpperCase().startsWith(wanted);
}

/** Whether `issue` matches picker text `query` (an empty query matches everything). */
export function pickerMatches(query: string, issue: IssueRecord): boolean {
  const queryWords = words(query);
  if (query.trim() === "" || keyMatches(query, issue)) {
    return true;
  }
  const summaryWords = words(summaryOf(issue));
  return (
    queryWords.length > 0 &&
    queryWords.every((q) => summaryWords.some((word) => word.startsWith(q)))
  );
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** The summary as picker HTML: escaped, with word prefixes matching `query` in `<b>`. */
export function highlightSummary(issue: IssueRecord, query: string): string {
  const summary = summaryOf(issue);
  const queryWords = words(query);
  let html = "";
  let last = 0;
  for (const match of summary.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const start = match.index ?? 0;
    const prefix = queryWords
      .filter((q) => word.toLowerCase().startsWith(q))
      .reduce((longest, q) => (q.length > longest.length ? q : longest), "");
    if (prefix) {
      html += escapeHtml(summary.slice(last, start));
      html += `<b>${escapeHtml(word.slice(0, prefix.length))}</b>`;
      last = start + prefix.length;
    }
  }
  return html + escapeHtml(summary.slice(last));
}

/** The key as picker HTML: bold when the query matched the key. */
export function highlightKey(issue: IssueRecord, query: string): string {
  return keyMatches(query, issue) ? `<b>${escapeHtml(issue.key)}</b>` : escapeHtml(issue.key);
}
