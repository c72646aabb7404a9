/**
 * Every oauth_problem the simulator's provider can produce reaches the caller as an OAuthProblem
 * with the right code (and timestamp_refused is recovered from, once).
 */
import { generateKeyPairSync } from "node:crypto";
import { OAuthProblem } from "../../../src/jira/jira-errors";
import type { OAuthSigner } from "../../../src/oauth/oauth-signer-types";
import { approveRequestToken } from "../../support/reference-oauth-client";
import { CALLBACK, rejectionOf, signIn, setUpSimulatorKit } from "./jira-client-kit";

jest.setTimeout(30_000);

const YEAR = 365 * 24 * 3600;
const kit = setUpSimulatorKit({ lifetime: "test" });

/** A signer whose header a proxy (or a bug) rewrote after signing. */
function tampered(signer: OAuthSigner, rewrite: (header: string) => string): OAuthSigner {
  return {
    consumerKey: signer.consumerKey,
    getClockOffsetSeconds: () => signer.getClockOffsetSeconds(),
    setClockOffsetSeconds: (seconds) => signer.setClockOffsetSeconds(seconds),
    authorizationHeader: async (request) => rewrite(await signer.authorizationHeader(request)),
  };
}

function expectProblem(error: unknown, code: string): void {
  expect(error).toBeInstanceOf(OAuthProblem);
  expect(error).toMatchObject({ name: "OAuthProblem", code, status: 401 });
}

describe("OAuth problems reach the caller with their code", () => {
  it("signature_invalid: signed with a key that isn't the link's", async () => {
    await signIn(kit);
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    const jira = kit.clientWith(await kit.signerWith({ privateKeyPem: otherKey }));

    const error = await rejectionOf(jira.myself());

    expectProblem(error, "signature_invalid");
    expect(error.message).toContain(`GET ${kit.sim.settings.baseUrl}/rest/api/2/myself`);
    expect(JSON.stringify(error) + String(error)).not.toContain(kit.token.current?.token);
  });

  it("consumer_key_unknown: a consumer key no application link has", async () => {
    const jira = kit.clientWith(await kit.signerWith({ consumerKey: "not-registered" }));

    expectProblem(await rejectionOf(jira.getRequestToken(CALLBACK)), "consumer_key_unknown");
  });

  it("timestamp_refused: Jira's clock an hour ahead → offset from Jira's answer, signed again, success", async () => {
    await signIn(kit);
    kit.sim.control.updateSettings({ clockSkewSeconds: 3600 });

    await expect(kit.jira.myself()).resolves.toMatchObject({ name: "jane" });

    expect(Math.abs(kit.signer.getClockOffsetSeconds() - 3600)).toBeLessThanOrEqual(2);
    // Later requests carry the corrected clock from the start.
    await expect(kit.jira.priorities()).resolves.not.toHaveLength(0);
  });

  it("timestamp_refused: recovered for a POST too, and the issue is created once", async () => {
    await signIn(kit);
    kit.sim.control.updateSettings({ clockSkewSeconds: -1800 });
    const summary = `Clock skew check ${Date.now()}`;

    await kit.jira.createIssue({ project: { key: "SUP" }, issuetype: { id: "3" }, summary });

    const found = await kit.jira.search({ jql: `project = SUP AND summary ~ "${summary}"` });
    expect(found.total).toBe(1);
  });

  it("nonce_used: a signer that repeats its nonce", async () => {
    await signIn(kit);
    const jira = kit.clientWith(await kit.signerWith({ nonce: () => "the-same-nonce-every-time" }));
    await jira.myself();

    expectProblem(await rejectionOf(jira.myself()), "nonce_used");
  });

  it("token_rejected: after the user's tokens were revoked", async () => {
    await signIn(kit);
    await kit.jira.myself();
    kit.sim.control.revokeAllTokens();

    const error = await rejectionOf(kit.jira.myself());

    expectProblem(error, "token_rejected");
    expect(error.message).toMatch(/Sign in to Jira again/);
  });

  it("token_expired: an access token past its 5 years (after the clock correction)", async () => {
    await signIn(kit);
    kit.sim.control.updateSettings({ clockSkewSeconds: 6 * YEAR });

    expectProblem(await rejectionOf(kit.jira.myself()), "token_expired");
    expect(kit.signer.getClockOffsetSeconds()).toBeGreaterThan(6 * YEAR - 10);
  });

  it("token_expired: a request token older than 10 minutes", async () => {
    const requestToken = await kit.jira.getRequestToken(CALLBACK);
    const outcome = await approveRequestToken(kit.sim, requestToken.token);
    kit.sim.control.updateSettings({ clockSkewSeconds: 11 * 60 });

    expectProblem(
      await rejectionOf(kit.jira.getAccessToken(requestToken, outcome.verifier as string)),
      "token_expired"
    );
  });

  it("permission_unknown: exchanging a request token before the user decided", async () => {
    const requestToken = await kit.jira.getRequestToken(CALLBACK);

    const error = await rejectionOf(kit.jira.getAccessToken(requestToken, "guessed-verifier"));

    expectProblem(error, "permission_unknown");
    expect(error.message).toMatch(/finish the sign-in/);
  });

  it("permission_denied: exchanging a request token the user denied", async () => {
    const requestToken = await kit.jira.getRequestToken(CALLBACK);
    await approveRequestToken(kit.sim, requestToken.token, { deny: true });

    expectProblem(
      await rejectionOf(kit.jira.getAccessToken(requestToken, "denied")),
      "permission_denied"
    );
  });

  it("parameter_absent: an access-token request without oauth_verifier", async () => {
    const requestToken = await kit.jira.getRequestToken(CALLBACK);
    await approveRequestToken(kit.sim, requestToken.token);

    const error = await rejectionOf(
      kit.jira.request({
        method: "POST",
        path: "/plugins/servlet/oauth/access-token",
        token: requestToken,
      })
    );

    expectProblem(error, "parameter_absent");
    expect(error.parameters).toEqual({ oauth_parameters_absent: "oauth_verifier" });
  });

  it("parameter_rejected: a callback that isn't an absolute URL", async () => {
    expectProblem(
      await rejectionOf(kit.jira.getRequestToken("callback.html")),
      "parameter_rejected"
    );
  });

  it("signature_method_rejected: anything but RSA-SHA1", async () => {
    const jira = kit.clientWith(
      tampered(kit.signer, (header) =>
        header.replace('oauth_signature_method="RSA-SHA1"', 'oauth_signature_method="HMAC-SHA1"')
      )
    );

    expectProblem(await rejectionOf(jira.getRequestToken(CALLBACK)), "signature_method_rejected");
  });

  it("version_rejected: an oauth_version other than 1.0", async () => {
    const jira = kit.clientWith(
      tampered(kit.signer, (header) => header.replace('oauth_version="1.0"', 'oauth_version="2.0"'))
    );

    expectProblem(await rejectionOf(jira.getRequestToken(CALLBACK)), "version_rejected");
  });
});
