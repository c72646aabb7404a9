/**
 * The two encodings OAuth 1.0a mixes (RFC 5849), kept apart on purpose: protocol values use RFC 3986
 * percent-encoding, where `+` is a plus sign; query strings and form bodies are
 * `application/x-www-form-urlencoded`, where `+` is a space. Written from the RFC for the
 * simulator only: the add-in's signer (src/oauth/) must not share it, so each side checks the other.
 */

/**
 * RFC 5849 §3.6: UTF-8 encode, then percent-encode every byte except the unreserved set
 * `ALPHA / DIGIT / "-" / "." / "_" / "~"`, with uppercase hex digits.
 * `encodeURIComponent` already does that except for `! ' ( ) *`, which RFC 3986 reserves.
 */
export function oauthPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  );
}

/**
 * Decodes an RFC 3986 percent-encoded value (Authorization header values, RFC 5849 §3.5.1):
 * `+` stays a plus sign. Throws `URIError` on a malformed escape or invalid UTF-8.
 */
export function oauthPercentDecode(value: string): string {
  return decodeURIComponent(value);
}

/** One name/value pair as it appeared in a query string or form body, decoded. */
export interface EncodedPair {
  name: string;
  value: string;
}

/**
 * Parses an `application/x-www-form-urlencoded` string into pairs, keeping order and duplicates.
 * RFC 5849 §3.4.1.3.1 says both the query and a form body are decoded "as defined by
 * [W3C.REC-html40-19980424], Section 17.13.4", and HTML 4.01 §17.13.4 encodes a space as `+`:
 * so here `+` IS a space (the RFC's own example decodes the body `a3=2+q` to "2 q").
 * A name without `=` has an empty value (`c2` in the same example). Throws `URIError` on a
 * malformed escape.
 */
export function parseFormEncoded(text: string): EncodedPair[] {
  if (text === "") {
    return [];
  }
  return text
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const equals = part.indexOf("=");
      const rawName = equals === -1 ? part : part.slice(0, equals);
      const rawValue = equals === -1 ? "" : part.slice(equals + 1);
      return { name: formDecode(rawName), value: formDecode(rawValue) };
    });
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

/** Serialises pairs as a form body with RFC 3986 encoding (a valid form encoding: `%20`, never `+`). */
export function formEncode(pairs: Iterable<readonly [string, string]>): string {
  return Array.from(
    pairs,
    ([name, value]) => `${oauthPercentEncode(name)}=${oauthPercentEncode(value)}`
  ).join("&");
}
