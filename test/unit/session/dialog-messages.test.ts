/**
 * The two small pieces the sign-in dialog and the pane share: Jira's authorize URL (the callback
 * page builds it) and the messages the callback page sends the pane.
 */
import {
  parseDialogMessage,
  readAuthorizationCallback,
} from "../../../src/oauth/authorization-callback";
import { jiraAuthorizeUrl } from "../../../src/oauth/authorize-url";

describe("jiraAuthorizeUrl", () => {
  it("is Jira's authorize servlet with the request token RFC 3986 encoded", () => {
    expect(jiraAuthorizeUrl("https://jira.example.com/jira/", "a b+c=d/e!")).toBe(
      "https://jira.example.com/jira/plugins/servlet/oauth/authorize?oauth_token=a%20b%2Bc%3Dd%2Fe%21"
    );
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "jira.example.com", ""])(
    "refuses a base URL that is not http(s): %j",
    (base) => {
      expect(() => jiraAuthorizeUrl(base, "t")).toThrow(TypeError);
    }
  );
});

describe("parseDialogMessage", () => {
  it("reads what the callback page sends after Allow and after Deny", () => {
    const allowed = readAuthorizationCallback("?oauth_token=rt&oauth_verifier=v123");
    expect(parseDialogMessage(JSON.stringify(allowed))).toEqual(allowed);
    const denied = readAuthorizationCallback("?oauth_token=rt&oauth_verifier=denied");
    expect(parseDialogMessage(JSON.stringify(denied))).toEqual({
      kind: "jira-authorization-callback",
      oauthToken: "rt",
      oauthVerifier: null,
    });
  });

  it.each(["denied", ""])(
    "reads a verifier %j arriving in the message itself as no approval",
    (verifier) => {
      expect(
        parseDialogMessage(
          JSON.stringify({
            kind: "jira-authorization-callback",
            oauthToken: "rt",
            oauthVerifier: verifier,
          })
        )
      ).toEqual({ kind: "jira-authorization-callback", oauthToken: "rt", oauthVerifier: null });
    }
  );

  it("reads the start failure", () => {
    expect(
      parseDialogMessage(
        JSON.stringify({ kind: "jira-authorization-start-failed", message: "No configuration." })
      )
    ).toEqual({ kind: "jira-authorization-start-failed", message: "No configuration." });
  });

  it.each([
    ["not JSON", "oauth_token=rt&oauth_verifier=v"],
    ["JSON null", "null"],
    ["an array", "[]"],
    ["a string", '"jira-authorization-callback"'],
    ["another kind", '{"kind":"hello","oauthToken":"rt","oauthVerifier":"v"}'],
    ["no kind", '{"oauthToken":"rt","oauthVerifier":"v"}'],
    [
      "a token that is a number",
      '{"kind":"jira-authorization-callback","oauthToken":1,"oauthVerifier":"v"}',
    ],
    ["a missing verifier", '{"kind":"jira-authorization-callback","oauthToken":"rt"}'],
    [
      "a verifier that is an object",
      '{"kind":"jira-authorization-callback","oauthToken":"rt","oauthVerifier":{}}',
    ],
    [
      "an extra field",
      '{"kind":"jira-authorization-callback","oauthToken":"rt","oauthVerifier":"v","redirect":"https://evil.example"}',
    ],
    ["a start failure without message", '{"kind":"jira-authorization-start-failed"}'],
    ["a start failure with a number", '{"kind":"jira-authorization-start-failed","message":404}'],
  ])("is undefined for %s", (_case, text) => {
    expect(parseDialogMessage(text)).toBeUndefined();
  });
});
