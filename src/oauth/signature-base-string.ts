/**
 * The OAuth 1.0a signature base string (RFC 5849 §3.4.1), built with oauth-1.0a's `getBaseString`
 * but fed only what it handles correctly:
 *
 * - oauth-1.0a parses the URL's query itself with `split('=')` (a value like `project=ABC` loses
 *   everything after its own `=`) and `decodeURIComponent` (a `+` stays a `+`, not a space). So the
 *   query is parsed here ({@link parseFormEncoded}) and handed over as decoded `data`, next to a URL
 *   that has no query left; oauth-1.0a then percent-encodes, sorts and joins (that part is right).
 * - It doesn't normalise the base URI (§3.4.1.2: lower-case scheme and host, no default port):
 *   done here with the WHATWG URL parser.
 * - It merges query, form and protocol parameters into one object, so a repeated name silently
 *   keeps one value: repeated names are passed as arrays (which it sorts by encoded value, as
 *   §3.4.1.3.2 requires), and a query or form parameter named `oauth_*` is refused.
 */
import OAuth from "oauth-1.0a";
import { parseFormEncoded } from "./rfc3986";

/** What a base string is computed from. */
export interface BaseStringRequest {
  /** HTTP method, any case. */
  method: string;
  /** Absolute URL, as the server sees it; its query is part of the signature. */
  url: string;
  /** Decoded parameters of an `application/x-www-form-urlencoded` body (never JSON or multipart). */
  form?: Readonly<Record<string, string>>;
}

// Only getBaseString and its helpers are used: no consumer secret, no hashing here.
const baseStringBuilder = new OAuth({
  consumer: { key: "", secret: "" },
  signature_method: "RSA-SHA1",
  hash_function: () => "",
});

/**
 * The signature base string: `METHOD&encoded-base-uri&encoded-parameters`, where the parameters
 * are the URL's query, the form body and `protocolParams` (every `oauth_*` parameter that goes in
 * the Authorization header, without `oauth_signature` and `realm`).
 *
 * @throws {TypeError} when the URL is not absolute, its query is not valid percent-encoding, or
 *   a query/form parameter name starts with `oauth_` (protocol parameters belong in the header).
 */
export function signatureBaseString(
  request: BaseStringRequest,
  protocolParams: Readonly<Record<string, string>>
): string {
  const { baseUri, query } = splitUrl(request.url);
  const parameters: Array<[string, string]> = [
    ...parseQuery(query),
    ...Object.entries(request.form ?? {}),
  ];
  const data: Record<string, string | string[]> = {};
  for (const [name, value] of parameters) {
    if (name.startsWith("oauth_")) {
      throw new TypeError(
        `The request's query or form has the OAuth protocol parameter "${name}": pass protocol parameters as oauthParams (they go in the Authorization header).`
      );
    }
    if (name === "__proto__") {
      // oauth-1.0a copies parameters into plain objects, where this name would vanish.
      throw new TypeError('A query or form parameter cannot be named "__proto__".');
    }
    // Own properties only: `data.constructor` or `data.toString` would otherwise read Object.prototype's.
    const previous = Object.hasOwn(data, name) ? data[name] : undefined;
    data[name] =
      previous === undefined
        ? value
        : Array.isArray(previous)
          ? [...previous, value]
          : [previous, value];
  }
  // getBaseString merges `data` into its second argument: give it a copy.
  const oauthData = { ...protocolParams } as unknown as OAuth.Data;
  return baseStringBuilder.getBaseString({ method: request.method, url: baseUri, data }, oauthData);
}

/**
 * The base string URI (RFC 5849 §3.4.1.2): scheme and host in lower case, the port only when it
 * is not the scheme's default, the path, no query or fragment.
 *
 * @throws {TypeError} when `url` is not an absolute http(s) URL.
 */
export function baseStringUri(url: string): string {
  return splitUrl(url).baseUri;
}

function splitUrl(url: string): { baseUri: string; query: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new TypeError(`Cannot sign "${url}": not an absolute URL.`, { cause });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(`Cannot sign "${url}": only http and https URLs can be signed.`);
  }
  // The query is taken from the string as given, not from `parsed.search`: the URL parser
  // re-encodes some characters, and the signature must cover the bytes actually sent.
  const withoutFragment = url.split("#")[0];
  const queryStart = withoutFragment.indexOf("?");
  const query = queryStart === -1 ? "" : withoutFragment.slice(queryStart + 1);
  // `host` drops default ports and lower-cases; `pathname` keeps the path's percent-encoding.
  return { baseUri: `${parsed.protocol}//${parsed.host}${parsed.pathname}`, query };
}

function parseQuery(query: string): Array<[string, string]> {
  try {
    return parseFormEncoded(query);
  } catch (cause) {
    throw new TypeError(
      "Cannot sign a URL whose query string is not valid percent-encoding: build query strings with encodeRfc3986.",
      { cause }
    );
  }
}
