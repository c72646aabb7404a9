/**
 * Issue properties: `PUT issue/{key}/properties/{propertyKey}` (OpenAPI `setProperty_2`: 201
 * created, 200 updated), `GET issue/{key}/properties/{propertyKey}` (`getProperty_3`: `{key, value}`),
 * `GET issue/{key}/properties` (`getPropertiesKeys_2`: `{keys:[{self, key}]}`) and `DELETE` (204).
 * The value is any JSON of at most 32,768 (Jira counts characters; the simulator counts UTF-8
 * bytes, the stricter reading, so what passes here passes on Jira). The rules: data/issue-properties.ts.
 * Comment properties (routes-comment-properties.ts) answer the same way, through
 * registerEntityPropertyRoutes.
 */
import express from "express";
import type { Request, RequestHandler, Response, Router } from "express";
import type { IssueRecord } from "../data/types";
import {
  PROPERTY_VALUE_LIMIT,
  propertyKeyProblem,
  propertyValueProblem,
} from "../data/issue-properties";
import { requireJson, requireUser, sendErrors, withVisibleIssue } from "./jira-errors";
import type { RestContext } from "./rest-context";
import { apiUrl } from "./rest-context";

export { PROPERTY_KEY_LIMIT, PROPERTY_VALUE_LIMIT } from "../data/issue-properties";

/** Jira's 404 for a property the entity does not have. */
function sendPropertyNotFound(res: Response, key: string): void {
  sendErrors(res, 404, [`The property with key '${key}' does not exist.`]);
}

/** A handler given the entity whose properties a request is about. */
export type EntityHandler<Entity> = (req: Request, res: Response, entity: Entity) => unknown;

/** How the property routes of one kind of entity (an issue, a comment) reach it. */
export interface PropertyOwner<Entity> {
  /** The entity's route, e.g. `/issue/:issueIdOrKey`. */
  path: string;
  /**
   * `handler` for the entity the request names; answers with Jira's error instead when there is
   * no such entity, the user may not see it, or (`write`) may not change its properties.
   */
  withEntity(handler: EntityHandler<Entity>, access: "read" | "write"): RequestHandler;
  properties(entity: Entity): Map<string, unknown>;
  /** Stores the value; true when the property is new. */
  setProperty(entity: Entity, key: string, value: unknown): boolean;
  /** The REST URL of one property of the entity. */
  propertyUrl(entity: Entity, key: string): string;
}

/**
 * The entity property routes of `owner`: `PUT`/`GET`/`DELETE {path}/properties/{propertyKey}`
 * and `GET {path}/properties`, with Jira's rules for keys and values (data/issue-properties.ts).
 */
export function registerEntityPropertyRoutes<Entity>(
  router: Router,
  owner: PropertyOwner<Entity>
): void {
  const { path } = owner;
  router.put(
    `${path}/properties/:propertyKey`,
    requireUser,
    requireJson,
    // Read as text: the size rule is about the value as sent, and any JSON value is allowed.
    express.text({ type: () => true, limit: PROPERTY_VALUE_LIMIT * 4 }),
    owner.withEntity((req, res, entity) => {
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
      const created = owner.setProperty(entity, key, value);
      res.status(created ? 201 : 200).end();
    }, "write")
  );

  router.get(
    `${path}/properties`,
    owner.withEntity((_req, res, entity) => {
      res.json({
        keys: [...owner.properties(entity).keys()].map((key) => ({
          self: owner.propertyUrl(entity, key),
          key,
        })),
      });
    }, "read")
  );

  router.get(
    `${path}/properties/:propertyKey`,
    owner.withEntity((req, res, entity) => {
      const key = String(req.params.propertyKey);
      const properties = owner.properties(entity);
      if (!properties.has(key)) {
        sendPropertyNotFound(res, key);
        return;
      }
      res.json({ key, value: properties.get(key) });
    }, "read")
  );

  router.delete(
    `${path}/properties/:propertyKey`,
    owner.withEntity((req, res, entity) => {
      const key = String(req.params.propertyKey);
      if (!owner.properties(entity).delete(key)) {
        sendPropertyNotFound(res, key);
        return;
      }
      res.status(204).end();
    }, "write")
  );
}

export function registerPropertyRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;
  registerEntityPropertyRoutes<IssueRecord>(router, {
    path: "/issue/:issueIdOrKey",
    withEntity: (handler) => withVisibleIssue(data, handler),
    properties: (issue) => issue.properties,
    setProperty: (issue, key, value) => data.setProperty(issue, key, value),
    propertyUrl: (issue, key) =>
      apiUrl(settings, `issue/${issue.key}/properties/${encodeURIComponent(key)}`),
  });
}
