/** Issue summaries as lookUpIssues gives them, for the finder's and the linked issues' tests. */
import type { IssueSummary } from "../../../../src/jira/issue-lookup";

/** An unresolved issue "KEY summary" (id from the number), with `overrides`. */
export function issue(key: string, summary: string, overrides: Partial<IssueSummary> = {}) {
  const [projectKey = "", number = "0"] = key.split("-");
  const summaryOf: IssueSummary = {
    id: String(10000 + Number(number)),
    key,
    summary,
    statusName: "Open",
    statusCategory: "new",
    resolved: false,
    projectKey,
    issueTypeId: "1",
    issueTypeName: "Bug",
    ...overrides,
  };
  return summaryOf;
}

/** A resolved issue ("Done"). */
export function resolvedIssue(key: string, summary: string, overrides: Partial<IssueSummary> = {}) {
  return issue(key, summary, {
    statusName: "Done",
    statusCategory: "done",
    resolved: true,
    ...overrides,
  });
}

export const SUP2 = issue("SUP-2", "VPN drops every hour", {
  statusName: "In Progress",
  statusCategory: "indeterminate",
});
export const SUP1 = issue("SUP-1", "Cannot log in to the expense portal");
export const SUP3 = resolvedIssue("SUP-3", "Invoice 2024-117 missing in ERP");
export const OPS1 = issue("OPS-1", "Nightly invoice export to ERP fails with timeout");
export const OPS2 = issue("OPS-2", "Renew TLS certificate for the mail gateway");
