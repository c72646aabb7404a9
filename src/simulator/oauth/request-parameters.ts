/**
 * Collects the parameters of a request that an OAuth 1.0a signature covers, from the three sources
 * of RFC 5849 §3.4.1.3.1: the `Authorization: OAuth …` header, the query string, and an
 * `application/x-www-form-urlencoded` body.
 */
import { oauthPercentDecode, parseFormEncoded } from "./percent-encoding";

/** Where a parameter came from. */
export type ParameterSource = "header" | "query" | "body";

/** One decoded request parameter. */
export interface RequestParameter {
  name: string;
  value: string;
  source: ParameterSource;
}

/** The parts of an HTTP request that carry OAuth parameters. */
export interface OAuthRequestParts {
  /** The `Authorization` header, if any. */
  authorization: string | undefined;
  /** The raw query string without `?` ("" when none). */
  rawQuery: string;
  /** The raw body when it is `application/x-www-form-urlencoded` (single-part), else undefined. */
  formBody: string | undefined;
}

/** The request was not decodable (bad percent-escape or header syntax); the message says where. */
export class MalformedOAuthRequest extends Error {
  override readonly name = "MalformedOAuthRequest";
}

/**
 * Parses `Authorization: OAuth k="v", …` (RFC 5849 §3.5.1): scheme case-insensitive, values
 * percent-decoded per RFC 3986 (a `+` stays a `+`), `realm` dropped (§3.4.1.3.1 excludes it).
 * Returns undefined when the header uses another scheme (e.g. `Basic`), which is not OAuth.
 */
export function parseOAuthAuthorizationHeader(
  header: string
): { name: string; value: string }[] | undefined {
  const match = /^\s*OAuth(?:\s+(.*))?$/is.exec(header);
  if (!match) {
    return undefined;
  }
  const rest = match[1] ?? "";
  const pairs: { name: string; value: string }[] = [];
  // auth-param = token "=" ( token / quoted-string ) (RFC 2617 §1.2, which §3.5.1 builds on);
  // RFC 5849 wants quoted values, but an unquoted token is accepted like most providers do.
  const param = /\s*([^\s=,]+)\s*=\s*(?:"([^"]*)"|([^\s,"]*))\s*(,|$)/y;
  let position = 0;
  while (position < rest.length) {
    param.lastIndex = position;
    const found = param.exec(rest);
    if (!found || found[0] === "") {
      throw new MalformedOAuthRequest(
        `The Authorization header is not "OAuth name=\\"value\\", …" near "${rest.slice(position, position + 20)}".`
      );
    }
    position = param.lastIndex;
    const name = decodeOrThrow(found[1] ?? "", "Authorization header");
    if (name.toLowerCase() !== "realm") {
      pairs.push({
        name,
        value: decodeOrThrow(found[2] ?? found[3] ?? "", "Authorization header"),
      });
    }
  }
  return pairs;
}

/** All parameters of the request, header first, then query, then body (order is irrelevant to signing). */
export function collectRequestParameters(parts: OAuthRequestParts): RequestParameter[] {
  const parameters: RequestParameter[] = [];
  const header =
    parts.authorization === undefined
      ? undefined
      : parseOAuthAuthorizationHeader(parts.authorization);
  for (const pair of header ?? []) {
    parameters.push({ ...pair, source: "header" });
  }
  for (const pair of parseFormOrThrow(parts.rawQuery, "query string")) {
    parameters.push({ ...pair, source: "query" });
  }
  for (const pair of parts.formBody === undefined ? [] : parseFormOrThrow(parts.formBody, "body")) {
    parameters.push({ ...pair, source: "body" });
  }
  return parameters;
}

/** True when the request carries OAuth at all: an `OAuth` Authorization header or any `oauth_*` parameter. */
export function looksLikeOAuth(parts: OAuthRequestParts, parameters: RequestParameter[]): boolean {
  return (
    /^\s*OAuth(\s|$)/i.test(parts.authorization ?? "") ||
    parameters.some((parameter) => parameter.name.startsWith("oauth_"))
  );
}

function parseFormOrThrow(text: string, where: string): { name: string; value: string }[] {
  try {
    return parseFormEncoded(text);
  } catch {
    throw new MalformedOAuthRequest(`The ${where} has a malformed percent-escape.`);
  }
}

function decodeOrThrow(text: string, where: string): string {
  try {
    return oauthPercentDecode(text);
  } catch {
    throw new MalformedOAuthRequest(`The ${where} has a malformed percent-escape in "${text}".`);
  }
}
