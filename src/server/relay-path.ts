/**
 * Which request targets the `/jira` relay may append to Jira's base URL: plain absolute paths that
 * cannot leave it. The host is fixed at startup and never read from the request; these rules keep
 * the *path* inside Jira's base URL too (no `..` out of a context path such as `/jira`, into
 * another application on the same server), whatever decoding Jira or a proxy in front of it does.
 */

/**
 * How often a segment is percent-decoded while looking for a dot segment or a separator.
 * `%2e` is decoded by every server; `%252e` only by one that decodes twice (some front proxies and
 * application servers did: CVE-2001-0333 in IIS, Tomcat's ALLOW_ENCODED_SLASH history), so the relay
 * refuses what any of three decodings would turn into `..`, `/` or `\`. A segment that still
 * changes after that is encoded four times over: no real file name is, so it is refused.
 */
const DECODING_ROUNDS = 3;

/** Characters no decoding of a segment may produce: separators and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const FORBIDDEN_IN_SEGMENT = /[/\\\u0000-\u001f\u007f]/;

/**
 * True when `url` (the request target below /jira, incl. query) is a plain absolute path: it starts
 * with one `/`, has no fragment, and no segment that is empty, `.` or `..` or contains `/`, `\` or a
 * control character, raw or after up to {@link DECODING_ROUNDS} percent-decodings. A `;parameter`
 * is cut off first, as Tomcat (Jira's server) does, so `..;x=1` counts as `..`. Only then can it be
 * appended to Jira's base URL without leaving it: `//evil.example/x`, `/..%2f..%2f`, `/%252e%252e/`,
 * `/..;/`, `/http://evil` and absolute-form targets are refused. The query string is not inspected:
 * it is passed to Jira byte-for-byte.
 */
export function isPlainRelayPath(url: string): boolean {
  // A request target never carries a fragment (RFC 9112 §3.2); "#" would only confuse whoever parses it next.
  if (url.includes("#")) {
    return false;
  }
  const queryStart = url.indexOf("?");
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  if (!pathname.startsWith("/")) {
    return false;
  }
  const segments = pathname.slice(1).split("/");
  return segments.every((segment, index) =>
    // Only "/" itself or a trailing slash may leave an empty segment; one inside means "//".
    segment === "" ? index === segments.length - 1 : isPlainSegment(segment)
  );
}

function isPlainSegment(segment: string): boolean {
  let current = segment;
  for (let round = 0; round <= DECODING_ROUNDS; round += 1) {
    if (!isPlainName(current)) {
      return false;
    }
    if (round === DECODING_ROUNDS) {
      // Encoded once more than any decoder in the chain would undo: nobody names a file like that.
      return !/%[0-9a-f]{2}/i.test(current);
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // Malformed as sent ("%zz"): refused. Malformed only after a decoding ("100%25.txt" is
      // "100%.txt"): a literal percent sign, which no further decoding can turn into anything.
      return round > 0;
    }
    if (decoded === current) {
      return true;
    }
    current = decoded;
  }
  return false;
}

/** One (possibly still encoded) segment: no separator or control character, not `.`/`..`/empty before a `;`. */
function isPlainName(segment: string): boolean {
  if (FORBIDDEN_IN_SEGMENT.test(segment)) {
    return false;
  }
  // Tomcat drops ";parameters" from a segment before it normalises the path, so "..;x" is "..":
  // the classic way past front proxies that compare paths ("/jira/..;/manager/").
  const name = segment.split(";", 1)[0];
  return name !== "" && name !== "." && name !== "..";
}
