/**
 * What every route module gets: the data, the live settings and the clock. `self` links are built
 * from `settings.baseUrl` on every request because the base URL can change at run time.
 */
import type { Request, Response } from "express";
import type { JiraData } from "../data/jira-data";
import type {
  SimulatorClock,
  SimulatorLocals,
  SimulatorSettings,
  SimulatorUser,
} from "../simulator-contract";

/** Options of `createRestApi`, shared by the route modules. */
export interface RestContext {
  data: JiraData;
  settings: SimulatorSettings;
  clock: SimulatorClock;
}

/** Jira's base URL without a trailing slash. */
export function baseUrl(settings: SimulatorSettings): string {
  return settings.baseUrl.replace(/\/+$/, "");
}

/** `{base}/rest/api/2/{path}`. */
export function apiUrl(settings: SimulatorSettings, path: string): string {
  return `${baseUrl(settings)}/rest/api/2/${path}`;
}

/** Jira's context path (`/jira` for `https://host/jira`, "" at the root), for relative links. */
export function contextPath(settings: SimulatorSettings): string {
  try {
    return new URL(settings.baseUrl).pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

/** The user the OAuth layer says the request runs as (undefined: anonymous). */
export function currentUser(res: Response): SimulatorUser | undefined {
  return (res.locals as Partial<SimulatorLocals>).jiraUser;
}

/** A query parameter as one string (the first if repeated), or undefined. */
export function queryString(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** A query parameter as all its values (repeated and comma-separated both work, as in Jira). */
export function queryList(req: Request, name: string): string[] | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === "string"
  );
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** A non-negative integer parameter; `fallback` when absent or not a number. */
export function intParam(value: unknown, fallback: number): number {
  const number =
    typeof value === "number"
      ? value
      : typeof value === "string" && value.trim() !== ""
        ? Number(value)
        : NaN;
  return Number.isInteger(number) && number >= 0 ? number : fallback;
}
