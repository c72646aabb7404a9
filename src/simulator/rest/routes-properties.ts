/**
 * Issue properties: `PUT issue/{key}/properties/{propertyKey}` (OpenAPI `setProperty_2`: 201
 * created, 200 updated), `GET issue/{key}/properties/{propertyKey}` (`getProperty_3`: `{key, value}`),
 * `GET issue/{key}/properties` (`getPropertiesKeys_2`: `{keys:[{self, key}]}`) and `DELETE` (204).
 * The value is any JSON of at most 32,768 (Jira counts characters; the simulator counts UTF-8
 * bytes, the stricter reading, so what passes here passes on Jira). The rules: data/issue-properties.ts.
 */
import express from "express";
import type { Response, Router } from "express";
import {
  PROPERTY_VALUE_LIMIT,
  propertyKeyProblem,
  propertyValueProblem,
} from "../data/issue-properties";
import { requireJson, requireUser, sendErrors, withVisibleIssue } from "./jira-errors";
import type { RestContext } from "./rest-context";
import { apiUrl } from "./rest-context";

export { PROPERTY_KEY_LIMIT, PROPERTY_VALUE_LIMIT } from "../data/issue-properties";

/** Jira's 404 for a property the issue does not have. */
function sendPropertyNotFound(res: Response, key: string): void {
  sendErrors(res, 404, [`The property with key '${key}' does not exist.`]);
}

export function registerPropertyRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;
  const propertyUrl = (issueKey: string, propertyKey: string) =>
    apiUrl(settings, `issue/${issueKey}/properties/${encodeURIComponent(propertyKey)}`);

  router.put(
    "/issue/:issueIdOrKey/properties/:propertyKey",
    requireUser,
    requireJson,
    // Read as text: the size rule is about the value as sent, and any JSON value is allowed.
    express.text({ type: () => true, limit: PROPERTY_VALUE_LIMIT * 4 }),
    withVisibleIssue(data, (req, res, issue) => {
      const key = String(req.params.propertyKey);
      const raw = typeof req.body === "string" ? req.body : "";
      const problem = propertyKeyProblem(key) ?? propertyValueProblem(raw);
      if (problem) {
        sendErrors(res, 400, [problem]);
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        sendErrors(res, 400, ["The property value must be valid JSON."]);
        return;
      }
      const created = data.setProperty(issue, key, value);
      res.status(created ? 201 : 200).end();
    })
  );

  router.get(
    "/issue/:issueIdOrKey/properties",
    withVisibleIssue(data, (_req, res, issue) => {
      res.json({
        keys: [...issue.properties.keys()].map((key) => ({
          self: propertyUrl(issue.key, key),
          key,
        })),
      });
    })
  );

  router.get(
    "/issue/:issueIdOrKey/properties/:propertyKey",
    withVisibleIssue(data, (req, res, issue) => {
      const key = String(req.params.propertyKey);
      if (!issue.properties.has(key)) {
        sendPropertyNotFound(res, key);
        return;
      }
      res.json({ key, value: issue.properties.get(key) });
    })
  );

  router.delete(
    "/issue/:issueIdOrKey/properties/:propertyKey",
    withVisibleIssue(data, (req, res, issue) => {
      const key = String(req.params.propertyKey);
      if (!issue.properties.delete(key)) {
        sendPropertyNotFound(res, key);
        return;
      }
      res.status(204).end();
    })
  );
}
