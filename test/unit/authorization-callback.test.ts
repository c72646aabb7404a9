import { readAuthorizationCallback } from "../../src/oauth/authorization-callback";

describe("readAuthorizationCallback", () => {
  it("reads the request token and verifier Jira redirects with", () => {
    expect(readAuthorizationCallback("?oauth_token=req%2Btoken&oauth_verifier=Xy7")).toEqual({
      kind: "jira-authorization-callback",
      oauthToken: "req+token",
      oauthVerifier: "Xy7",
    });
  });

  it("reads a missing or 'denied' verifier as not approved", () => {
    expect(readAuthorizationCallback("?oauth_token=t").oauthVerifier).toBeNull();
    expect(
      readAuthorizationCallback("?oauth_token=t&oauth_verifier=denied").oauthVerifier
    ).toBeNull();
  });
});
