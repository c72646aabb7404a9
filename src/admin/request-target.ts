/**
 * Turns the request command's PATH, --query and --data into the client's request: path segments
 * RFC 3986 encoded, query parameters as decoded values (the client encodes them once, and the same
 * bytes are signed and sent), a JSON body checked before anything is sent.
 *
 * A query written in PATH is read as a browser's address bar is: `%XX` decoded, `+` as a space (so
 * Jira's servlets read it), a pair cut at its first `=`, so `jql=project = SUP` keeps its value.
 * `--query name=value` takes the value literally: for values with `&`, `+` or `%`.
 */
import type { QueryValue } from "../jira/query-string";
import { pathSegment } from "../jira/query-string";
import { decodeFormComponent } from "../oauth/rfc3986";
import { AdminError } from "./admin-error";

/** Methods the command sends. */
export const REQUEST_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;

/** The parts of a request for the client. */
export interface RequestTarget {
  method: string;
  /** Below Jira's base URL, segments encoded. */
  path: string;
  query: Record<string, QueryValue>;
  /** The parsed JSON body, if any. */
  json?: unknown;
}

/**
 * Builds the request from the command line.
 *
 * @param jiraUrl Jira's base URL: a PATH given as a full URL under it is accepted.
 * @throws {AdminError} `method_invalid`, `path_invalid`, `query_invalid`, `data_invalid`
 */
export function requestTarget(
  method: string,
  rawPath: string,
  options: { query?: readonly string[]; data?: string; jiraUrl: string }
): RequestTarget {
  const upper = method.toUpperCase();
  if (!(REQUEST_METHODS as readonly string[]).includes(upper)) {
    throw new AdminError(
      "method_invalid",
      `METHOD "${method}" must be one of ${REQUEST_METHODS.join(", ")}.`
    );
  }
  let given = rawPath.trim();
  if (/^https?:\/\//i.test(given)) {
    if (!given.startsWith(`${options.jiraUrl}/`)) {
      throw new AdminError(
        "path_invalid",
        `PATH ${given.split("?")[0]} is not below --jira ${options.jiraUrl}: give the path below Jira's base URL, e.g. /rest/api/2/myself.`
      );
    }
    given = given.slice(options.jiraUrl.length);
  }
  if (!given.startsWith("/")) {
    throw new AdminError(
      "path_invalid",
      `PATH "${given}" must start with "/" below Jira's base URL, e.g. /rest/api/2/myself.`
    );
  }
  const queryStart = given.indexOf("?");
  const pathPart = queryStart === -1 ? given : given.slice(0, queryStart);
  const queryPart = queryStart === -1 ? "" : given.slice(queryStart + 1).replace(/#.*$/, "");

  // A Map, not an object: a parameter named "__proto__" or "constructor" is a name like any other.
  const query = new Map<string, string[]>();
  const append = (name: string, value: string): void => {
    query.set(name, [...(query.get(name) ?? []), value]);
  };
  for (const piece of queryPart.split("&")) {
    if (piece === "") continue;
    const equals = piece.indexOf("=");
    const name = equals === -1 ? piece : piece.slice(0, equals);
    const value = equals === -1 ? "" : piece.slice(equals + 1);
    append(decoded(name, "query_invalid"), decoded(value, "query_invalid"));
  }
  for (const pair of options.query ?? []) {
    const equals = pair.indexOf("=");
    if (equals <= 0) {
      throw new AdminError(
        "query_invalid",
        `--query "${pair}" must be name=value, e.g. --query 'jql=project = SUP'.`
      );
    }
    append(pair.slice(0, equals), pair.slice(equals + 1));
  }

  let json: unknown;
  if (options.data !== undefined) {
    if (upper === "GET") {
      throw new AdminError(
        "data_invalid",
        "--data is a request body: use it with POST, PUT, PATCH or DELETE, not GET."
      );
    }
    try {
      json = JSON.parse(options.data);
    } catch (error) {
      throw new AdminError(
        "data_invalid",
        `--data is not JSON (${(error as Error).message}): quote it for your shell, e.g. --data '{"fields": {…}}', or give @file.json.`
      );
    }
  }

  const path = pathPart
    .split("/")
    .map((segment) => (segment === "" ? "" : pathSegment(decoded(segment, "path_invalid", false))))
    .join("/");
  return {
    method: upper,
    path,
    // fromEntries defines own properties, so "__proto__" stays a parameter.
    query: Object.fromEntries(
      [...query].map(([name, values]): [string, QueryValue] => [
        name,
        values.length === 1 ? (values[0] as string) : values,
      ])
    ),
    ...(json === undefined ? {} : { json }),
  };
}

/** `%XX` decoded; `+` is a space in a query, itself in a path. */
function decoded(text: string, code: string, plusIsSpace = true): string {
  try {
    return plusIsSpace ? decodeFormComponent(text) : decodeURIComponent(text);
  } catch {
    throw new AdminError(
      code,
      `"${text}" has a "%" that is not followed by two hex digits: write %25 for a percent sign, or give the value with --query name=value (taken literally).`
    );
  }
}
