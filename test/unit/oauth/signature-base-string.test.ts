/**
 * The signature base string (RFC 5849 §3.4.1): the RFC's own example, base URI normalisation, and
 * the query pitfalls of oauth-1.0a (a raw `=` in a value, `+`, repeated names) on real JQL.
 */
import { baseStringUri, signatureBaseString } from "../../../src/oauth/signature-base-string";
import { encodeRfc3986 } from "../../../src/oauth/rfc3986";
import { referenceBaseString } from "./reference-oauth1";

const PROTOCOL = {
  oauth_consumer_key: "jira-for-outlook",
  oauth_nonce: "0123456789abcdef0123456789abcdef",
  oauth_signature_method: "RSA-SHA1",
  oauth_timestamp: "1700000000",
  oauth_token: "access-token-1",
  oauth_version: "1.0",
};

describe("signatureBaseString", () => {
  it("reproduces RFC 5849 §3.4.1.1's example exactly (query, form body, repeated name, empty values)", () => {
    // POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b with body `c2&a3=2+q` and the header's protocol parameters.
    const baseString = signatureBaseString(
      {
        method: "POST",
        url: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
        form: { c2: "", a3: "2 q" },
      },
      {
        oauth_consumer_key: "9djdj82h48djs9d2",
        oauth_token: "kkk9d7dh3k39sjv7",
        oauth_signature_method: "HMAC-SHA1",
        oauth_timestamp: "137131201",
        oauth_nonce: "7d8f3e4a",
      }
    );

    expect(baseString).toBe(
      "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q" +
        "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_" +
        "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m" +
        "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk" +
        "9d7dh3k39sjv7"
    );
  });

  it.each([
    // RFC 5849 §3.4.1.2's examples, plus a context path and an upper-case host.
    ["HTTP://EXAMPLE.COM:80/r%20v/X?id=123", "http://example.com/r%20v/X"],
    ["https://www.example.net:8080/?q=1", "https://www.example.net:8080/"],
    [
      "https://Jira.Example.com:443/jira/rest/api/2/myself",
      "https://jira.example.com/jira/rest/api/2/myself",
    ],
    [
      "http://127.0.0.1:8080/rest/api/2/search?jql=a#fragment",
      "http://127.0.0.1:8080/rest/api/2/search",
    ],
  ])("normalises the base string URI of %s", (url, expected) => {
    expect(baseStringUri(url)).toBe(expected);
  });

  it('signs JQL with "=", "+", quotes and spaces over its full decoded value', () => {
    const jql = 'project = "SUP" AND text ~ "a+b=c"';
    const url = `https://jira.example.com/jira/rest/api/2/search?jql=${encodeRfc3986(jql)}&maxResults=5`;

    const baseString = signatureBaseString({ method: "GET", url }, PROTOCOL);

    expect(baseString).toBe(referenceBaseString("GET", url, PROTOCOL));
    // The value survives whole: %2B (plus) and %3D (equals) double-encoded, spaces as %2520, never "+".
    expect(baseString).toContain(
      "jql%3Dproject%2520%253D%2520%2522SUP%2522%2520AND%2520text%2520~%2520%2522a%252Bb%253Dc%2522"
    );
    expect(baseString).not.toContain("+");
  });

  it("keeps a raw '=' inside a query value (oauth-1.0a alone would sign `jql=project`)", () => {
    const url = "https://jira.example.com/rest/api/2/search?jql=project=ABC";

    const baseString = signatureBaseString({ method: "GET", url }, PROTOCOL);

    expect(baseString).toContain("jql%3Dproject%253DABC");
    expect(baseString).toBe(referenceBaseString("GET", url, PROTOCOL));
  });

  it("reads a raw '+' in a query as a space, as Jira's servlet container does", () => {
    const url = "https://jira.example.com/rest/api/2/issue/picker?query=vpn+drops";

    expect(signatureBaseString({ method: "GET", url }, PROTOCOL)).toContain(
      "query%3Dvpn%2520drops"
    );
  });

  it("sorts repeated names by value and keeps every value", () => {
    const url =
      "https://jira.example.com/rest/api/2/search?fields=summary&fields=key&fields=status";

    const baseString = signatureBaseString({ method: "GET", url }, PROTOCOL);

    expect(baseString).toContain("fields%3Dkey%26fields%3Dstatus%26fields%3Dsummary");
    expect(baseString).toBe(referenceBaseString("GET", url, PROTOCOL));
  });

  it("signs query names that are also Object.prototype members (constructor, toString) once, as given", () => {
    const url = "https://jira.example.com/rest/api/2/search?constructor=a&toString=b";

    const baseString = signatureBaseString({ method: "GET", url }, PROTOCOL);

    expect(baseString).toBe(referenceBaseString("GET", url, PROTOCOL));
    expect(baseString).not.toContain("native");
  });

  it("signs non-ASCII values as UTF-8 octets", () => {
    const url = `https://jira.example.com/rest/api/2/search?jql=${encodeRfc3986('text ~ "Über 日本"')}`;

    expect(signatureBaseString({ method: "get", url }, PROTOCOL)).toBe(
      referenceBaseString("GET", url, PROTOCOL)
    );
  });

  it("includes oauth_callback and oauth_verifier given as protocol parameters", () => {
    const url = "https://jira.example.com/plugins/servlet/oauth/request-token";
    const params = { ...PROTOCOL, oauth_callback: "https://addin.example.com/callback.html?x=1" };

    const baseString = signatureBaseString({ method: "POST", url }, params);

    expect(baseString).toContain(
      "oauth_callback%3Dhttps%253A%252F%252Faddin.example.com%252Fcallback.html%253Fx%253D1"
    );
    expect(baseString).toBe(referenceBaseString("POST", url, params));
  });

  it("refuses oauth_* parameters in the query (they belong in the header)", () => {
    expect(() =>
      signatureBaseString(
        { method: "GET", url: "https://jira.example.com/rest/api/2/myself?oauth_token=x" },
        PROTOCOL
      )
    ).toThrow(/oauth_token.*oauthParams/);
  });

  it("refuses a relative URL and malformed percent-encoding", () => {
    expect(() =>
      signatureBaseString({ method: "GET", url: "/rest/api/2/myself" }, PROTOCOL)
    ).toThrow(TypeError);
    expect(() =>
      signatureBaseString({ method: "GET", url: "https://jira.example.com/x?jql=100%" }, PROTOCOL)
    ).toThrow(/percent-encoding/);
  });
});
