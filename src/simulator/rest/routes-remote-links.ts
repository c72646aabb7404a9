/**
 * Remote issue links: `POST issue/{key}/remotelink` (OpenAPI `createOrUpdateRemoteIssueLink`: a
 * `globalId` already on the issue updates that link → 200, otherwise a new link → 201; both answer
 * `{id, self}`), `GET issue/{key}/remotelink[?globalId=]` (`getRemoteIssueLinks`),
 * `GET issue/{key}/remotelink/{linkId}`, and `DELETE issue/{key}/remotelink?globalId=` / `…/{linkId}`.
 */
import type { Router } from "express";
import type { RemoteLinkInput } from "../data/jira-data";
import type { IssueRecord, RemoteLinkRecord } from "../data/types";
import type { SimulatorSettings } from "../simulator-contract";
import { jsonBody } from "./body-parsers";
import { requireUser, sendErrors, withVisibleIssue } from "./jira-errors";
import type { RestContext } from "./rest-context";
import { apiUrl, queryString } from "./rest-context";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const optionalString = (value: unknown) => (typeof value === "string" ? value : undefined);

function iconOf(value: unknown) {
  if (!isObject(value)) return undefined;
  return {
    url16x16: optionalString(value.url16x16),
    title: optionalString(value.title),
    link: optionalString(value.link),
  };
}

/** Validates a `RemoteIssueLinkCreateOrUpdateRequest`: `object.url` and `object.title` are required. */
function readLink(
  body: unknown
): { ok: true; link: RemoteLinkInput } | { ok: false; errors: Record<string, string> } {
  const input = isObject(body) ? body : {};
  const object = isObject(input.object) ? input.object : {};
  const errors: Record<string, string> = {};
  if (typeof object.url !== "string" || object.url.trim() === "") errors.url = "'url' is required.";
  if (typeof object.title !== "string" || object.title.trim() === "")
    errors.title = "'title' is required.";
  if (input.globalId !== undefined && typeof input.globalId !== "string")
    errors.globalId = "'globalId' must be a string.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const application = isObject(input.application)
    ? { type: optionalString(input.application.type), name: optionalString(input.application.name) }
    : undefined;
  const status = isObject(object.status)
    ? {
        resolved: typeof object.status.resolved === "boolean" ? object.status.resolved : undefined,
        icon: iconOf(object.status.icon),
      }
    : undefined;
  return {
    ok: true,
    link: {
      globalId: optionalString(input.globalId),
      application,
      relationship: optionalString(input.relationship),
      object: {
        url: object.url as string,
        title: object.title as string,
        summary: optionalString(object.summary),
        icon: iconOf(object.icon),
        status,
      },
    },
  };
}

/** Drops undefined members, so the JSON looks like Jira's. */
function compact<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function linkUrl(settings: SimulatorSettings, issue: IssueRecord, link: RemoteLinkRecord): string {
  return apiUrl(settings, `issue/${issue.key}/remotelink/${link.id}`);
}

function linkBean(settings: SimulatorSettings, issue: IssueRecord, link: RemoteLinkRecord) {
  return compact({
    id: link.id,
    self: linkUrl(settings, issue, link),
    globalId: link.globalId,
    application: link.application ?? {},
    relationship: link.relationship,
    object: {
      ...link.object,
      icon: link.object.icon ?? {},
      status: link.object.status ?? { icon: {} },
    },
  });
}

export function registerRemoteLinkRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;

  router.post(
    "/issue/:issueIdOrKey/remotelink",
    requireUser,
    ...jsonBody,
    withVisibleIssue(data, (req, res, issue) => {
      const input = readLink(req.body);
      if (!input.ok) {
        sendErrors(res, 400, [], input.errors);
        return;
      }
      const { link, created } = data.upsertRemoteLink(issue, input.link);
      res.status(created ? 201 : 200).json({ id: link.id, self: linkUrl(settings, issue, link) });
    })
  );

  router.get(
    "/issue/:issueIdOrKey/remotelink",
    withVisibleIssue(data, (req, res, issue) => {
      const globalId = queryString(req, "globalId");
      if (globalId === undefined) {
        res.json(issue.remoteLinks.map((link) => linkBean(settings, issue, link)));
        return;
      }
      const link = issue.remoteLinks.find((candidate) => candidate.globalId === globalId);
      if (!link) {
        sendErrors(res, 404, [
          `No remote link with globalId '${globalId}' exists on issue ${issue.key}.`,
        ]);
        return;
      }
      res.json(linkBean(settings, issue, link));
    })
  );

  router.get(
    "/issue/:issueIdOrKey/remotelink/:linkId",
    withVisibleIssue(data, (req, res, issue) => {
      const linkId = String(req.params.linkId);
      if (!/^\d+$/.test(linkId)) {
        sendErrors(res, 400, [`Invalid remote link id '${linkId}'.`]);
        return;
      }
      const link = issue.remoteLinks.find((candidate) => String(candidate.id) === linkId);
      if (!link) {
        sendErrors(res, 404, [`No remote link with id '${linkId}' exists on issue ${issue.key}.`]);
        return;
      }
      res.json(linkBean(settings, issue, link));
    })
  );

  const remove = (issue: IssueRecord, match: (link: RemoteLinkRecord) => boolean) => {
    const before = issue.remoteLinks.length;
    issue.remoteLinks = issue.remoteLinks.filter((link) => !match(link));
    return issue.remoteLinks.length < before;
  };

  router.delete(
    "/issue/:issueIdOrKey/remotelink",
    withVisibleIssue(data, (req, res, issue) => {
      const globalId = queryString(req, "globalId");
      if (globalId === undefined) {
        sendErrors(res, 400, ["The globalId query parameter is required."]);
      } else if (!remove(issue, (link) => link.globalId === globalId)) {
        sendErrors(res, 404, [
          `No remote link with globalId '${globalId}' exists on issue ${issue.key}.`,
        ]);
      } else {
        res.status(204).end();
      }
    })
  );

  router.delete(
    "/issue/:issueIdOrKey/remotelink/:linkId",
    withVisibleIssue(data, (req, res, issue) => {
      const linkId = String(req.params.linkId);
      if (!remove(issue, (link) => String(link.id) === linkId)) {
        sendErrors(res, 404, [`No remote link with id '${linkId}' exists on issue ${issue.key}.`]);
      } else {
        res.status(204).end();
      }
    })
  );
}
