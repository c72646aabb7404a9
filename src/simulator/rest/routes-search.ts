/**
 * `GET search` (OpenAPI `search_1`) and `POST search` (`searchUsingSearchRequest`) →
 * `SearchResultsBean`; `GET issue/picker` (`getIssuePickerResource`) → `IssuePickerResult`.
 * Results only ever contain issues the user may see; a bad query is a 400 with Jira's message.
 */
import type { Request, Response, Router } from "express";
import type { IssueRecord } from "../data/types";
import { highlightKey, highlightSummary } from "../data/issue-picker";
import type { PickerSectionData } from "../data/jira-data";
import { jsonBody } from "./body-parsers";
import { issueBean } from "./issue-beans";
import { sendErrors } from "./jira-errors";
import type { RestContext } from "./rest-context";
import { contextPath, currentUser, intParam, queryList, queryString } from "./rest-context";

/** Jira's cap on one page of search results (jira.search.views.default.max). */
export const SEARCH_MAX_RESULTS = 1000;

interface SearchRequest {
  jql: string | undefined;
  startAt: number;
  maxResults: number;
  fields: string[] | undefined;
  validateQuery: boolean;
}

/**
 * `validateQuery` of `GET search`, a Java `Boolean` query parameter on Jira Server/DC (OpenAPI
 * `search_1`: boolean, default true), read the way Jersey reads one: `Boolean.valueOf`, so only
 * "true" (any case) is true. Cloud's words "warn" and "none" therefore mean false here too: values
 * that don't exist become `warningMessages` instead of a 400. (Cloud's "strict" is false as well.)
 */
function readValidateQueryParameter(value: string | undefined): boolean {
  return value === undefined || value.toLowerCase() === "true";
}

/**
 * `validateQuery` of `POST search` (SearchRequestBean: a JSON boolean, default true). Jackson also
 * takes the strings "true" and "false"; anything else is a 400, as Jira refuses a body it can't map.
 */
function readValidateQueryField(value: unknown): boolean | { problem: string } {
  if (value === undefined || value === null) return true;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return {
    problem:
      `Can not deserialize value of type boolean from ${JSON.stringify(value)} in 'validateQuery': ` +
      "only true or false are recognized.",
  };
}

function runSearch(ctx: RestContext, res: Response, request: SearchRequest): void {
  const user = currentUser(res);
  const { issues, warnings } = ctx.data.search(user, request.jql, {
    validateQuery: request.validateQuery,
  });
  const maxResults = Math.min(request.maxResults, SEARCH_MAX_RESULTS);
  res.json({
    expand: "schema,names",
    startAt: request.startAt,
    maxResults,
    total: issues.length,
    issues: issues
      .slice(request.startAt, request.startAt + maxResults)
      .map((issue) =>
        issueBean(
          { data: ctx.data, settings: ctx.settings, user },
          issue,
          request.fields,
          "*navigable"
        )
      ),
    ...(warnings.length > 0 ? { warningMessages: warnings } : {}),
  });
}

function pickerSection(
  ctx: RestContext,
  label: string,
  id: string,
  section: PickerSectionData,
  query: string
) {
  const base = contextPath(ctx.settings);
  return {
    label,
    sub: `Showing ${section.issues.length} of ${section.total} matching issues`,
    id,
    issues: section.issues.map((issue: IssueRecord) => {
      const type = ctx.data.catalog.issueType(issue.issueTypeId);
      const summary = typeof issue.values.summary === "string" ? issue.values.summary : "";
      return {
        key: issue.key,
        keyHtml: highlightKey(issue, query),
        // Jira gives a context-relative path to the issue type icon here, not an absolute URL.
        img: `${base}/secure/viewavatar?size=xsmall&avatarId=${type?.avatarId ?? 0}&avatarType=issuetype`,
        summary: highlightSummary(issue, query),
        summaryText: summary,
      };
    }),
  };
}

export function registerSearchRoutes(router: Router, ctx: RestContext): void {
  router.get("/search", (req: Request, res: Response) => {
    runSearch(ctx, res, {
      jql: queryString(req, "jql"),
      startAt: intParam(req.query.startAt, 0),
      maxResults: intParam(req.query.maxResults, 50),
      fields: queryList(req, "fields"),
      validateQuery: readValidateQueryParameter(queryString(req, "validateQuery")),
    });
  });

  router.post("/search", ...jsonBody, (req: Request, res: Response) => {
    const body = (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    const validateQuery = readValidateQueryField(body.validateQuery);
    if (typeof validateQuery !== "boolean") {
      sendErrors(res, 400, [validateQuery.problem]);
      return;
    }
    runSearch(ctx, res, {
      jql: typeof body.jql === "string" ? body.jql : undefined,
      startAt: intParam(body.startAt, 0),
      maxResults: intParam(body.maxResults, 50),
      fields: Array.isArray(body.fields)
        ? body.fields.filter((field): field is string => typeof field === "string")
        : undefined,
      validateQuery,
    });
  });

  router.get("/issue/picker", (req: Request, res: Response) => {
    const user = currentUser(res);
    const query = queryString(req, "query") ?? "";
    const currentIssueKey = queryString(req, "currentIssueKey")?.toUpperCase();
    const sections = ctx.data.pickIssues(user, query, queryString(req, "currentJQL") || undefined);
    // Jira leaves the issue the picker is opened from out of its suggestions.
    const without = (section: PickerSectionData): PickerSectionData => {
      const issues = section.issues.filter((issue) => issue.key !== currentIssueKey);
      return { issues, total: section.total - (section.issues.length - issues.length) };
    };
    res.json({
      sections: [
        pickerSection(ctx, "History Search", "hs", without(sections.history), query),
        pickerSection(ctx, "Current Search", "cs", without(sections.current), query),
      ],
    });
  });
}
