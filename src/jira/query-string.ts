/**
 * Query strings and path segments for Jira URLs, RFC 3986 encoded. The same string is signed (over
 * Jira's URL) and sent (to the relay), so it must be unambiguous: `%20` never `+`, and `=`, `&`,
 * `+` inside values encoded (`jql=project%20%3D%20SUP`). Never URLSearchParams: it writes `+`.
 */
import { encodeRfc3986 } from "../oauth/rfc3986";

/** A query parameter value; undefined/null leave the parameter out, arrays repeat it. */
export type QueryValue =
  string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;

/** `?a=1&b=x%20y` in insertion order, or "" when nothing is left. */
export function buildQueryString(parameters: Readonly<Record<string, QueryValue>>): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    if (value === undefined || value === null) {
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    for (const item of values as ReadonlyArray<string | number | boolean>) {
      pairs.push(`${encodeRfc3986(name)}=${encodeRfc3986(String(item))}`);
    }
  }
  return pairs.length === 0 ? "" : `?${pairs.join("&")}`;
}

/** One path segment (an issue key, a property key), with `/`, `?`, `#`, spaces… encoded. */
export function pathSegment(value: string | number): string {
  return encodeRfc3986(String(value));
}
