/**
 * Percent-encoding as OAuth 1.0a and Jira need it. One place, because the two usual browser
 * helpers are each wrong here: `encodeURIComponent` leaves `!'()*` alone, and `URLSearchParams`
 * writes spaces as `+`, which a signature base string must never contain (RFC 5849 §3.6).
 */

/**
 * RFC 3986 §2.3 encoding as RFC 5849 §3.6 requires: every octet of the UTF-8 form except the
 * unreserved `A-Z a-z 0-9 - . _ ~` becomes `%XX` (upper-case hex). So `=` → `%3D`, `+` → `%2B`,
 * space → `%20`.
 */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  );
}

/**
 * Decodes one name or value of an `application/x-www-form-urlencoded` string (a query string or a
 * form body): `+` is a space, then `%XX` sequences are UTF-8 octets. This is how RFC 5849
 * §3.4.1.3.1 reads query parameters, and how Jira's servlet container reads them too.
 *
 * @throws {URIError} when a `%` is not followed by two hex digits or the octets are not UTF-8.
 */
export function decodeFormComponent(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

/**
 * Splits a query string (without `?`) or form body into decoded name/value pairs, in order,
 * keeping duplicates. A pair is cut at its FIRST `=` only, so `jql=project%3DABC` and even a raw
 * `jql=project=ABC` keep their whole value (oauth-1.0a's own parser drops everything after the
 * second `=`). A name without `=` has the empty value (RFC 5849 §3.4.1.3.2's `c2`).
 *
 * @throws {URIError} on malformed percent-encoding.
 */
export function parseFormEncoded(text: string): Array<[name: string, value: string]> {
  const pairs: Array<[string, string]> = [];
  for (const piece of text.split("&")) {
    if (piece === "") {
      continue;
    }
    const equals = piece.indexOf("=");
    const name = equals === -1 ? piece : piece.slice(0, equals);
    const value = equals === -1 ? "" : piece.slice(equals + 1);
    pairs.push([decodeFormComponent(name), decodeFormComponent(value)]);
  }
  return pairs;
}
