/**
 * The three-legged dance through the add-in's client against the simulator's OAuth provider:
 * request token → Jira's authorize page (Allow / Deny, as a browser) → access token → a REST call.
 */
import { approveRequestToken } from "../../support/reference-oauth-client";
import { CALLBACK, rejectionOf, signIn, setUpSimulatorKit } from "./jira-client-kit";

jest.setTimeout(30_000);

const kit = setUpSimulatorKit({ lifetime: "test" });

describe("the three-legged dance", () => {
  it("request token → Allow on Jira's page → access token → signed REST calls as Jane Doe", async () => {
    const requestToken = await kit.jira.getRequestToken(CALLBACK);
    expect(requestToken).toMatchObject({
      token: expect.any(String),
      secret: expect.any(String),
      callbackConfirmed: true,
    });

    const authorizeUrl = kit.jira.authorizeUrl(requestToken);
    expect(authorizeUrl).toBe(
      `${kit.sim.settings.baseUrl}/plugins/servlet/oauth/authorize?oauth_token=${requestToken.token}`
    );
    const page = await fetch(authorizeUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Jira for Outlook");

    const outcome = await approveRequestToken(kit.sim, requestToken.token);
    expect(outcome.location).toMatch(
      new RegExp(`^${CALLBACK}\\?oauth_token=${requestToken.token}&oauth_verifier=`)
    );

    const accessToken = await kit.jira.getAccessToken(requestToken, outcome.verifier as string);
    expect(accessToken).toMatchObject({
      token: expect.any(String),
      secret: expect.any(String),
      expiresInSeconds: expect.any(Number),
      sessionHandle: expect.any(String),
    });
    expect(accessToken.token).not.toBe(requestToken.token);

    kit.token.current = accessToken;
    await expect(kit.jira.myself()).resolves.toMatchObject({
      name: "jane",
      displayName: "Jane Doe",
    });
  });

  it("works with an out-of-band callback too", async () => {
    const requestToken = await kit.jira.getRequestToken("oob");
    const outcome = await approveRequestToken(kit.sim, requestToken.token);

    expect(outcome.location).toBeUndefined();
    await expect(
      kit.jira.getAccessToken(requestToken, outcome.verifier as string)
    ).resolves.toHaveProperty("token");
  });

  it("Deny on Jira's page → permission_denied at the access-token step", async () => {
    const requestToken = await kit.jira.getRequestToken(CALLBACK);
    const outcome = await approveRequestToken(kit.sim, requestToken.token, { deny: true });

    const error = await rejectionOf(
      kit.jira.getAccessToken(requestToken, outcome.verifier ?? "denied")
    );

    expect(error).toMatchObject({ name: "OAuthProblem", code: "permission_denied", status: 401 });
    expect(error.message).toMatch(/choose Allow/);
  });

  it("a request token can be exchanged once: the second time is token_rejected", async () => {
    const requestToken = await kit.jira.getRequestToken(CALLBACK);
    const outcome = await approveRequestToken(kit.sim, requestToken.token);
    await kit.jira.getAccessToken(requestToken, outcome.verifier as string);

    const error = await rejectionOf(
      kit.jira.getAccessToken(requestToken, outcome.verifier as string)
    );

    expect(error).toMatchObject({ name: "OAuthProblem", code: "token_rejected" });
  });

  it("signIn helper: the kit's client is signed in afterwards", async () => {
    await signIn(kit);
    await expect(kit.jira.serverInfo()).resolves.toMatchObject({ versionNumbers: [9, 12, 2] });
  });
});
