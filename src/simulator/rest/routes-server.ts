/**
 * `GET serverInfo` (OpenAPI `getServerInfo`, no authentication needed) and `GET myself`
 * (`getUser`, 401 when anonymous).
 */
import type { Router } from "express";
import { formatJiraDateTime } from "../data/jira-time";
import { authenticated } from "./jira-errors";
import { versionNumbers } from "./jira-version";
import type { RestContext } from "./rest-context";
import { baseUrl, queryList } from "./rest-context";
import { myselfBean } from "./user-beans";

export function registerServerRoutes(router: Router, ctx: RestContext): void {
  const { settings, clock } = ctx;

  router.get("/serverInfo", (_req, res) => {
    const numbers = versionNumbers(settings.version);
    res.json({
      baseUrl: baseUrl(settings),
      version: settings.version,
      versionNumbers: numbers,
      deploymentType: "Server",
      // Jira's build numbers read as major, two-digit minor, three-digit patch (9.12.2 → 912002).
      buildNumber: numbers[0] * 100_000 + numbers[1] * 1_000 + numbers[2],
      buildDate: "2024-01-01T00:00:00.000+0000",
      serverTime: formatJiraDateTime(clock()),
      scmInfo: "jira-simulator",
      serverTitle: "Jira Simulator",
    });
  });

  router.get(
    "/myself",
    authenticated((req, res, user) => {
      res.json(myselfBean(settings, user, queryList(req, "expand") ?? []));
    })
  );
}
