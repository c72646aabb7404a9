/** Credentials never survive redaction, in any of the spellings they travel in. */
import { REDACTED, redactSecrets, redactedError } from "../../../src/oauth/redact";

const SECRET = "Zx9Ty7Wq5Er3";

describe("redactSecrets", () => {
  it.each([
    [
      "an Authorization header line",
      `Authorization: OAuth oauth_consumer_key="ck", oauth_token="${SECRET}"`,
    ],
    ["a JSON header object", `{"Authorization":"OAuth oauth_token=\\"${SECRET}\\""}`],
    ["a bare OAuth header value", `OAuth oauth_consumer_key="ck", oauth_signature="${SECRET}%3D"`],
    ["a query string", `GET /x?oauth_token=${SECRET}&a=1`],
    ["a form body", `oauth_token=${SECRET}&oauth_token_secret=${SECRET}`],
    ["a verifier", `oauth_verifier=${SECRET}`],
    ["JSON", `{"oauth_token_secret": "${SECRET}"}`],
    [
      "a base string",
      `GET&http%3A%2F%2Fj&oauth_nonce%3D1%26oauth_token%3D${SECRET}%26oauth_version%3D1.0`,
    ],
    ["a double-encoded base string", `oauth_token%253D${SECRET}%2526`],
    ["a session handle", `oauth_session_handle=${SECRET}`],
  ])("removes the secret from %s", (_label, text) => {
    const redacted = redactSecrets(text);

    expect(redacted).not.toContain(SECRET);
    expect(redacted).toContain(REDACTED);
  });

  it("keeps what isn't secret", () => {
    expect(redactSecrets("GET /rest/api/2/search?jql=project%3DSUP failed: 503")).toBe(
      "GET /rest/api/2/search?jql=project%3DSUP failed: 503"
    );
    expect(redactSecrets("oauth_consumer_key=ck&oauth_nonce=n")).toBe(
      "oauth_consumer_key=ck&oauth_nonce=n"
    );
  });

  it("removes extra secret values given by the caller", () => {
    expect(redactSecrets(`Jira said: token ${SECRET} unknown`, [SECRET])).toBe(
      `Jira said: token ${REDACTED} unknown`
    );
  });
});

describe("redactedError", () => {
  it("returns an error without secrets as it is", () => {
    const error = new TypeError("fetch failed");
    expect(redactedError(error)).toBe(error);
  });

  it("copies an error holding a secret, keeping name, code and the cause chain", () => {
    const inner = Object.assign(new Error(`connect ECONNREFUSED oauth_token=${SECRET}`), {
      code: "ECONNREFUSED",
    });
    const error = new TypeError("fetch failed", { cause: inner });

    const copy = redactedError(error) as Error & { cause: Error & { code: string } };

    expect(copy).not.toBe(error);
    expect(copy.name).toBe("TypeError");
    expect(copy.cause.code).toBe("ECONNREFUSED");
    expect(`${copy.cause.message} ${copy.cause.stack}`).not.toContain(SECRET);
  });
});

describe("redactSecrets, applied twice", () => {
  it("changes nothing the second time (a redacted header doesn't swallow the rest of the line)", () => {
    const once = redactSecrets(`Authorization: OAuth oauth_token="${SECRET}" and then advice.`);

    expect(redactSecrets(once)).toBe(once);
    expect(once).toBe(`Authorization: ${REDACTED} and then advice.`);
  });
});
