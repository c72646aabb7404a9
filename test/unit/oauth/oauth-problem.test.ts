/** Reading Jira's OAuth refusals: header first, then a form body; one OAuthProblem per name. */
import { OAuthProblem, parseOAuthProblem } from "../../../src/oauth/oauth-problem";

describe("parseOAuthProblem", () => {
  it("reads the WWW-Authenticate header, percent-decoding values and ignoring realm", () => {
    const header =
      'OAuth realm="http%3A%2F%2Fjira.example.com%3A8080", oauth_problem="timestamp_refused", ' +
      'oauth_acceptable_timestamps="1700000000-1700000600"';

    expect(parseOAuthProblem(header, null)).toEqual({
      problem: "timestamp_refused",
      parameters: { oauth_acceptable_timestamps: "1700000000-1700000600" },
    });
  });

  it("prefers the header over the body", () => {
    expect(
      parseOAuthProblem('OAuth oauth_problem="token_rejected"', "oauth_problem=nonce_used")?.problem
    ).toBe("token_rejected");
  });

  it("falls back to a form-encoded body (a proxy may drop WWW-Authenticate)", () => {
    expect(
      parseOAuthProblem(
        null,
        "oauth_problem=parameter_absent&oauth_parameters_absent=oauth_token%26oauth_verifier"
      )
    ).toEqual({
      problem: "parameter_absent",
      parameters: { oauth_parameters_absent: "oauth_token&oauth_verifier" },
    });
    expect(parseOAuthProblem('Basic realm="jira"', "oauth_problem=token_expired")?.problem).toBe(
      "token_expired"
    );
  });

  it.each([
    [null, null],
    ['Basic realm="Jira"', '{"errorMessages":["You are not authenticated."]}'],
    [null, "<html><body>oauth_problem=x</body></html>"],
    ["", ""],
  ])("returns null without an oauth_problem (%j, %j)", (header, body) => {
    expect(parseOAuthProblem(header, body)).toBeNull();
  });
});

describe("OAuthProblem", () => {
  it("carries code, status, parameters and an actionable message", () => {
    const problem = new OAuthProblem("timestamp_refused", {
      status: 401,
      parameters: { oauth_acceptable_timestamps: "1-2" },
    });

    expect(problem).toBeInstanceOf(Error);
    expect(problem).toMatchObject({
      name: "OAuthProblem",
      code: "timestamp_refused",
      status: 401,
      parameters: { oauth_acceptable_timestamps: "1-2" },
    });
    expect(problem.message).toMatch(/Jira accepts 1-2.*clock/);
  });

  it.each([
    ["signature_invalid", /private key.*Base URL/s],
    ["consumer_key_unknown", /Consumer Key/],
    ["nonce_used", /try again/],
    ["token_rejected", /Sign in to Jira again/],
    ["token_expired", /expired.*Sign in/s],
    ["permission_unknown", /Allow/],
    ["permission_denied", /denied.*Allow/s],
    ["parameter_absent", /lacks OAuth parameters/],
    ["parameter_rejected", /rejected OAuth parameters/],
    ["signature_method_rejected", /RSA-SHA1/],
    ["version_rejected", /version/],
    ["something_new", /oauth_problem=something_new/],
  ])("explains %s", (code, message) => {
    expect(new OAuthProblem(code, { status: 401 }).message).toMatch(message);
  });

  it("names the URL Jira checked the signature over, without the token in the base string", () => {
    const problem = new OAuthProblem("signature_invalid", {
      status: 401,
      parameters: {
        oauth_signature_base_string:
          "GET&http%3A%2F%2Fjira.example.com%2Frest%2Fapi%2F2%2Fmyself&oauth_consumer_key%3Dck%26oauth_token%3DS3CRETTOKEN%26oauth_version%3D1.0",
        oauth_token: "S3CRETTOKEN",
      },
    });

    expect(problem.message).toContain("GET http://jira.example.com/rest/api/2/myself");
    expect(JSON.stringify(problem)).not.toContain("S3CRETTOKEN");
    expect(problem.parameters).not.toHaveProperty("oauth_token");
    expect(problem.message).not.toContain("S3CRETTOKEN");
  });
});
