/**
 * The simulator's OAuth 1.0a provider over real HTTP on 127.0.0.1, driven by a third-party signer
 * (npm oauth-1.0a, test/support/reference-oauth-client.ts): the three-legged dance, every
 * `oauth_problem` Jira reports, 2-legged OAuth, clock skew and a context-path base URL.
 *
 * The real REST half answers (`/myself` shows who a request runs as), plus one test route, `/echo`,
 * showing exactly what the OAuth layer hands a Jira route.
 */
import express from "express";
import { createJiraData } from "../../../src/simulator/data/jira-data";
import { createRestApi } from "../../../src/simulator/rest/create-rest-api";
import type {
  JiraRestFactory,
  RunningJiraSimulator,
} from "../../../src/simulator/create-jira-simulator";
import type { SimulatorLocals } from "../../../src/simulator/simulator-contract";
import {
  approveRequestToken,
  generateConsumerKeyPair,
  getAccessToken,
  getRequestToken,
  parseForm,
  parseWwwAuthenticate,
  runThreeLeggedDance,
  signedFetch,
} from "../../support/reference-oauth-client";
import type { SignedFetchOptions, SignedResponse } from "../../support/reference-oauth-client";
import { setUpSimulatorStarter } from "../../support/started-simulators";

jest.setTimeout(30_000);

const CONSUMER_KEY = "jira-for-outlook";
const CONSUMER_NAME = "Jira for Outlook";
const OTHER_KEY = "other-app";
const keys = generateConsumerKeyPair();
const otherKeys = generateConsumerKeyPair();
const me = { consumerKey: CONSUMER_KEY, privateKeyPem: keys.privateKeyPem };
const other = { consumerKey: OTHER_KEY, privateKeyPem: otherKeys.privateKeyPem };

/** The real Jira REST half plus one test route, `/echo`: what a Jira route receives from the OAuth layer. */
const jiraWithEcho: JiraRestFactory = (deps) => {
  const data = createJiraData(deps);
  const restApi = express.Router();
  restApi.all("/echo", (req, res) => {
    res.json({
      user: (res.locals as SimulatorLocals).jiraUser?.name ?? null,
      query: req.query,
      body: req.body as unknown,
    });
  });
  restApi.use(createRestApi({ data, ...deps }));
  return { data, restApi };
};

/** Jira's answer to an anonymous request for a resource that needs a user. */
const NOT_AUTHENTICATED = {
  errorMessages: ["You are not authenticated. Authentication required to perform this operation."],
  errors: {},
};

/** A simulator that knows our consumer and another app's, with `/echo`; closed after the test. */
const start = setUpSimulatorStarter({
  consumers: [
    { consumerKey: CONSUMER_KEY, publicKeyPem: keys.publicKeyPem, name: CONSUMER_NAME },
    { consumerKey: OTHER_KEY, publicKeyPem: otherKeys.publicKeyPem, name: "Other app" },
  ],
  jira: jiraWithEcho,
});

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The OAuth problem answer, asserted whole: 401, WWW-Authenticate and the text/plain form body. */
function expectProblem(
  response: SignedResponse,
  realm: string,
  problem: string,
  extra: Record<string, string> = {}
): void {
  expect({
    status: response.status,
    contentType: response.headers.get("content-type"),
    header: parseWwwAuthenticate(response.headers.get("www-authenticate")),
    body: parseForm(response.body),
  }).toEqual({
    status: 401,
    contentType: "text/plain; charset=utf-8",
    header: { realm, oauth_problem: problem, ...extra },
    body: { oauth_problem: problem, ...extra },
  });
  expect(response.headers.get("www-authenticate")).toMatch(
    new RegExp(`^OAuth realm="${realm.replace(/[.]/g, "\\.")}", oauth_problem="${problem}"`)
  );
}

const myself = (simulator: RunningJiraSimulator, options: Partial<SignedFetchOptions> = {}) =>
  signedFetch(simulator, { ...me, path: "/rest/api/2/myself", ...options });

describe("the three-legged dance", () => {
  it("issues a request token, redirects to the callback keeping its query, and exchanges the verifier", async () => {
    const simulator = await start();
    const callback = "https://addin.example/callback.html?state=a%20b&x=1#frag";

    const requestTokenResponse = await signedFetch(simulator, {
      ...me,
      method: "POST",
      path: "/plugins/servlet/oauth/request-token",
      oauthParams: { oauth_callback: callback },
    });
    expect(requestTokenResponse.status).toBe(200);
    expect(requestTokenResponse.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(requestTokenResponse.body).toMatch(
      /^oauth_token=[0-9a-f]{32}&oauth_token_secret=[0-9a-f]{32}&oauth_callback_confirmed=true$/
    );
    const requestToken = parseForm(requestTokenResponse.body)["oauth_token"] ?? "";

    const outcome = await approveRequestToken(simulator, requestToken);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(
      `https://addin.example/callback.html?state=a%20b&x=1&oauth_token=${requestToken}&oauth_verifier=${outcome.verifier}#frag`
    );

    const access = await getAccessToken(simulator, {
      ...me,
      requestToken,
      verifier: outcome.verifier ?? "",
    });
    expect(access.response.body).toMatch(
      /^oauth_token=[0-9a-f]{32}&oauth_token_secret=[0-9a-f]{32}&oauth_expires_in=157680000&oauth_session_handle=[0-9a-f]{32}&oauth_authorization_expires_in=157680000$/
    );

    const answer = await myself(simulator, { token: access.token });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ name: "jane", displayName: "Jane Doe" });
    expect(simulator.control.state().tokens).toEqual({
      accessTokensByUser: { jane: 1 },
      openRequestTokens: 0,
    });
  });

  it("shows an authorize page naming the application and the user, with no script", async () => {
    const simulator = await start();
    const { token } = await getRequestToken(simulator, me);

    const page = await fetch(
      `${simulator.url}/plugins/servlet/oauth/authorize?oauth_token=${token}`
    );
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(html).toContain("Welcome to Jira");
    expect(html).toContain(
      `<strong>${CONSUMER_NAME}</strong> is requesting access to your Jira account`
    );
    expect(html).toContain('<strong id="current-user">Jane Doe</strong>');
    expect(html).toContain(`<input type="hidden" name="oauth_token" value="${token}">`);
    expect(html).toContain('<option value="jane" selected>Jane Doe (jane)</option>');
    expect(html).toContain('<option value="john">John Smith (john)</option>');
    expect(html).toContain('<option value="svc-mail">Mail Integration Service (svc-mail)</option>');
    expect(html).toContain('<button type="submit" name="approve" value="Allow">Allow</button>');
    expect(html).toContain('<button type="submit" name="deny" value="Deny">Deny</button>');
    expect(html).not.toMatch(/<script|\son\w+=|style=|<style/i);
  });

  it("escapes what it echoes (a consumer name with markup)", async () => {
    const simulator = await start({
      consumers: [
        {
          consumerKey: CONSUMER_KEY,
          publicKeyPem: keys.publicKeyPem,
          name: `<img src=x onerror="alert(1)">&`,
        },
      ],
    });
    const { token } = await getRequestToken(simulator, me);

    const html = await (
      await fetch(`${simulator.url}/plugins/servlet/oauth/authorize?oauth_token=${token}`)
    ).text();

    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;");
    expect(html).not.toContain("<img");
  });

  it("runs as the user chosen on the authorize page", async () => {
    const simulator = await start();

    const token = await runThreeLeggedDance(simulator, { ...me, as: "john" });

    expect(JSON.parse((await myself(simulator, { token })).body)).toMatchObject({
      name: "john",
      displayName: "John Smith",
    });
  });

  it("shows the verifier on a page for oob", async () => {
    const simulator = await start();
    const { token } = await getRequestToken(simulator, { ...me, callback: "oob" });

    const outcome = await approveRequestToken(simulator, token);

    expect(outcome.status).toBe(200);
    expect(outcome.location).toBeUndefined();
    expect(outcome.html).toMatch(/<code id="oauth-verifier">[A-Za-z0-9_-]{10}<\/code>/);
    expect(outcome.html).toContain(
      `You have successfully authorized <strong>${CONSUMER_NAME}</strong>`
    );
  });

  it("on Deny redirects with oauth_verifier=denied, and the exchange answers permission_denied", async () => {
    const simulator = await start();
    const { token } = await getRequestToken(simulator, {
      ...me,
      callback: "http://localhost:3000/callback",
    });

    const outcome = await approveRequestToken(simulator, token, { deny: true });
    expect(outcome).toMatchObject({
      status: 302,
      location: `http://localhost:3000/callback?oauth_token=${token}&oauth_verifier=denied`,
    });

    const exchange = await signedFetch(simulator, {
      ...me,
      method: "POST",
      path: "/plugins/servlet/oauth/access-token",
      token,
      oauthParams: { oauth_verifier: "denied" },
    });
    expectProblem(exchange, simulator.url, "permission_denied");
  });

  it("on Deny with oob shows that access was denied", async () => {
    const simulator = await start();
    const { token } = await getRequestToken(simulator, me);

    const outcome = await approveRequestToken(simulator, token, { deny: true });

    expect(outcome.status).toBe(200);
    expect(outcome.html).toContain(
      `<p id="oauth-denied">You have denied <strong>${CONSUMER_NAME}</strong> access to your Jira account.</p>`
    );
  });
});

describe("the authorize page refuses tokens it can't authorize", () => {
  const authorize = (simulator: RunningJiraSimulator, query: string) =>
    fetch(`${simulator.url}/plugins/servlet/oauth/authorize${query}`);

  it("names a missing, unknown, used or expired token", async () => {
    const simulator = await start();
    const missing = await authorize(simulator, "");
    const unknown = await authorize(simulator, "?oauth_token=nope");
    const { token: used } = await getRequestToken(simulator, me);
    await approveRequestToken(simulator, used);
    const again = await authorize(simulator, `?oauth_token=${used}`);
    const { token: old } = await getRequestToken(simulator, me);
    simulator.control.updateSettings({ clockSkewSeconds: 601 });
    const expired = await authorize(simulator, `?oauth_token=${old}`);

    const summary = async (response: Response) => ({
      status: response.status,
      problem: /<p id="oauth-problem">([^<]*)<\/p>/.exec(await response.text())?.[1],
    });
    expect(await summary(missing)).toEqual({ status: 400, problem: "parameter_absent" });
    expect(await summary(unknown)).toEqual({ status: 401, problem: "token_rejected" });
    expect(await summary(again)).toEqual({ status: 401, problem: "token_rejected" });
    expect(await summary(expired)).toEqual({ status: 401, problem: "token_expired" });
  });

  it("refuses an unknown user and a form without a decision", async () => {
    const simulator = await start();
    const { token } = await getRequestToken(simulator, me);
    const post = (body: string) =>
      fetch(`${simulator.url}/plugins/servlet/oauth/authorize`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
        redirect: "manual",
      });

    const unknownUser = await post(`oauth_token=${token}&user=mallory&approve=Allow`);
    const noDecision = await post(`oauth_token=${token}&user=jane`);

    expect(unknownUser.status).toBe(400);
    expect(await unknownUser.text()).toContain("Jira has no user named &quot;mallory&quot;.");
    expect(noDecision.status).toBe(400);
    expect(await noDecision.text()).toContain("Choose Allow or Deny.");
  });
});

describe("request-token", () => {
  const requestToken = (simulator: RunningJiraSimulator, options: Partial<SignedFetchOptions>) =>
    signedFetch(simulator, {
      ...me,
      method: "POST",
      path: "/plugins/servlet/oauth/request-token",
      ...options,
    });

  it("requires oauth_callback: parameter_absent", async () => {
    const simulator = await start();

    expectProblem(await requestToken(simulator, {}), simulator.url, "parameter_absent", {
      oauth_parameters_absent: "oauth_callback",
    });
  });

  it.each([
    "javascript:alert(1)",
    "/relative/callback",
    "ftp://example.com/cb",
    "http:no-slashes",
    "",
  ])("refuses the callback %j: parameter_rejected", async (callback) => {
    const simulator = await start();

    expectProblem(
      await requestToken(simulator, { oauthParams: { oauth_callback: callback } }),
      simulator.url,
      "parameter_rejected",
      { oauth_parameters_rejected: "oauth_callback" }
    );
  });

  it("reads the protocol parameters from a form body as well as from the header", async () => {
    const simulator = await start();

    const response = await requestToken(simulator, {
      oauthParams: { oauth_callback: "oob" },
      placement: "body",
    });

    expect(response.status).toBe(200);
    expect(parseForm(response.body)["oauth_callback_confirmed"]).toBe("true");
  });

  it("answers only POST (405 for GET)", async () => {
    const simulator = await start();

    const response = await fetch(`${simulator.url}/plugins/servlet/oauth/request-token`);
    const accessToken = await fetch(`${simulator.url}/plugins/servlet/oauth/access-token`);

    expect({
      status: response.status,
      allow: response.headers.get("allow"),
      body: await response.text(),
    }).toEqual({
      status: 405,
      allow: "POST",
      body: "HTTP method GET is not supported by this URL",
    });
    expect(accessToken.status).toBe(405);
  });
});

describe("the checks every signed request passes", () => {
  it("parameter_absent lists every missing protocol parameter", async () => {
    const simulator = await start();

    const response = await myself(simulator, {
      omitOAuthParams: ["oauth_timestamp", "oauth_nonce"],
    });

    expectProblem(response, simulator.url, "parameter_absent", {
      oauth_parameters_absent: "oauth_timestamp&oauth_nonce",
    });
    expect(response.headers.get("www-authenticate")).toContain(
      'oauth_parameters_absent="oauth_timestamp%26oauth_nonce"'
    );
  });

  it("version_rejected for oauth_version other than 1.0", async () => {
    const simulator = await start();

    expectProblem(
      await myself(simulator, { oauthParams: { oauth_version: "2.0" } }),
      simulator.url,
      "version_rejected",
      { oauth_acceptable_versions: "1.0-1.0" }
    );
  });

  it("signature_method_rejected for anything but RSA-SHA1", async () => {
    const simulator = await start();

    expectProblem(
      await myself(simulator, { oauthParams: { oauth_signature_method: "HMAC-SHA1" } }),
      simulator.url,
      "signature_method_rejected"
    );
  });

  it("consumer_key_unknown", async () => {
    const simulator = await start();

    expectProblem(
      await myself(simulator, { consumerKey: "stranger" }),
      simulator.url,
      "consumer_key_unknown"
    );
  });

  it("timestamp_refused for a client whose clock is 10 minutes behind, with the acceptable range", async () => {
    const simulator = await start();
    const before = nowSeconds();

    const response = await myself(simulator, { timestamp: before - 600 });

    const range = parseForm(response.body)["oauth_acceptable_timestamps"] ?? "";
    expectProblem(response, simulator.url, "timestamp_refused", {
      oauth_acceptable_timestamps: range,
    });
    const [min, max] = range.split("-").map(Number);
    expect(min).toBeGreaterThanOrEqual(before - 301);
    expect(min).toBeLessThanOrEqual(nowSeconds() - 299);
    expect((max ?? 0) - (min ?? 0)).toBe(600);
  });

  it("timestamp_refused for a non-numeric timestamp is parameter_rejected", async () => {
    const simulator = await start();

    expectProblem(
      await myself(simulator, { timestamp: "soon" as unknown as number }),
      simulator.url,
      "parameter_rejected",
      { oauth_parameters_rejected: "oauth_timestamp" }
    );
  });

  it("nonce_used when a verified nonce comes again; a nonce whose signature failed is not burnt", async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);

    const forged = await myself(simulator, { token, nonce: "n-1", signature: "AAAA" });
    const first = await myself(simulator, { token, nonce: "n-1" });
    const replay = await myself(simulator, { token, nonce: "n-1" });
    const otherConsumer = await signedFetch(simulator, {
      ...other,
      path: "/rest/api/2/myself",
      nonce: "n-1",
    });

    expect(forged.status).toBe(401);
    expect(first.status).toBe(200);
    expectProblem(replay, simulator.url, "nonce_used");
    expect(otherConsumer.status).toBe(401); // anonymous stub answer: the nonce is per consumer
    expect(otherConsumer.headers.get("www-authenticate")).toBeNull();
  });

  it("signature_invalid when signed with another key, reporting the base string it expected", async () => {
    const simulator = await start();
    const timestamp = nowSeconds();

    const response = await myself(simulator, {
      privateKeyPem: otherKeys.privateKeyPem,
      timestamp,
      nonce: "abc",
      path: "/rest/api/2/myself?b=2&a=%20x",
    });

    const expected =
      `GET&${encodeURIComponent(`${simulator.url}/rest/api/2/myself`)}&` +
      encodeURIComponent(
        `a=%20x&b=2&oauth_consumer_key=${CONSUMER_KEY}&oauth_nonce=abc&oauth_signature_method=RSA-SHA1&oauth_timestamp=${timestamp}&oauth_version=1.0`
      );
    expectProblem(response, simulator.url, "signature_invalid", {
      oauth_signature_base_string: expected,
    });
  });

  it("builds RFC 5849's own example base string (§3.4.1.1), from header, query and form body", async () => {
    // The RFC's example request, with RSA-SHA1 for HMAC-SHA1 and Jira's clock set to its timestamp.
    const timestamp = 137_131_201;
    const simulator = await start({
      baseUrl: "http://example.com",
      consumers: [{ consumerKey: "9djdj82h48djs9d2", publicKeyPem: keys.publicKeyPem }],
      settings: { clockSkewSeconds: timestamp - nowSeconds() },
    });

    const response = await fetch(`${simulator.url}/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b`, {
      method: "POST",
      headers: {
        Authorization:
          'OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", ' +
          'oauth_signature_method="RSA-SHA1", oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", ' +
          'oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"',
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "c2&a3=2+q",
    });

    expect(parseForm(await response.text())).toEqual({
      oauth_problem: "signature_invalid",
      oauth_signature_base_string:
        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
    });
  });

  it("parameter_rejected when a protocol parameter is sent twice", async () => {
    const simulator = await start();

    const response = await signedFetch(simulator, {
      ...me,
      path: "/rest/api/2/myself",
      sendPath: "/rest/api/2/myself?oauth_nonce=again",
    });

    expectProblem(response, simulator.url, "parameter_rejected", {
      oauth_parameters_rejected: "oauth_nonce",
    });
  });

  it("ignores the realm and reads all parameters from the query string too", async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);

    const withRealm = await myself(simulator, { token, realm: "http://elsewhere.example" });
    const inQuery = await myself(simulator, { token, placement: "query" });

    expect(withRealm.status).toBe(200);
    expect(inQuery.status).toBe(200);
  });

  it("signs the query per RFC 5849: form-decoded, so '+' is a space and %2B a plus sign", async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    const echo = (options: Partial<SignedFetchOptions>) =>
      signedFetch(simulator, { ...me, token, path: "/rest/api/2/echo", ...options });

    // Signed over "a b"; sent with '+' for the space, as browsers and Python's requests do.
    const plusAsSpace = await echo({
      path: "/rest/api/2/echo?jql=text%20~%20%22a%20b%22",
      sendPath: "/rest/api/2/echo?jql=text+~+%22a+b%22",
    });
    // Signed over a literal '+' (oauth-1.0a reads '+' as '+'): Jira reads a space, so it fails.
    const literalPlus = await echo({ path: "/rest/api/2/echo?q=a+b" });
    const encodedPlus = await echo({ path: "/rest/api/2/echo?q=a%2Bb%3Dc" });

    expect(plusAsSpace.status).toBe(200);
    expect(JSON.parse(plusAsSpace.body)).toMatchObject({
      user: "jane",
      query: { jql: 'text ~ "a b"' },
    });
    expect(literalPlus.status).toBe(401);
    expect(parseForm(literalPlus.body)["oauth_problem"]).toBe("signature_invalid");
    expect(encodedPlus.status).toBe(200);
    expect(JSON.parse(encodedPlus.body)).toMatchObject({ query: { q: "a+b=c" } });
  });

  it("signs a form body's parameters, and a Jira route still gets the parsed body", async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);

    const signed = await signedFetch(simulator, {
      ...me,
      token,
      method: "POST",
      path: "/rest/api/2/echo",
      form: { summary: "Printer jams", tags: "a+b c" },
    });
    const tampered = await signedFetch(simulator, {
      ...me,
      token,
      method: "POST",
      path: "/rest/api/2/echo",
      form: { summary: "Printer jams" },
      headers: {},
      body: "summary=Something%20else",
    });

    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.body)).toMatchObject({
      user: "jane",
      body: { summary: "Printer jams", tags: "a+b c" },
    });
    expect(parseForm(tampered.body)["oauth_problem"]).toBe("signature_invalid");
  });
});

describe("tokens", () => {
  it("token_rejected: unknown, revoked, another consumer's, or a request token used as access token", async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    const { token: requestToken } = await getRequestToken(simulator, me);

    const unknown = await myself(simulator, { token: "0".repeat(32) });
    const asRequestToken = await myself(simulator, { token: requestToken });
    const othersToken = await signedFetch(simulator, {
      ...other,
      path: "/rest/api/2/myself",
      token,
    });
    expect(simulator.control.revokeAllTokens()).toBe(1);
    const revoked = await myself(simulator, { token });

    for (const response of [unknown, asRequestToken, othersToken, revoked]) {
      expectProblem(response, simulator.url, "token_rejected");
    }
  });

  it("token_expired for an access token older than 5 years", async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    const fiveYears = 157_680_000;

    simulator.control.updateSettings({ clockSkewSeconds: fiveYears - 60 });
    const stillValid = await myself(simulator, { token, timestamp: nowSeconds() + fiveYears - 60 });
    simulator.control.updateSettings({ clockSkewSeconds: fiveYears + 1 });
    const expired = await myself(simulator, { token, timestamp: nowSeconds() + fiveYears + 1 });

    expect(stillValid.status).toBe(200);
    expectProblem(expired, simulator.url, "token_expired");
  });

  describe("access-token", () => {
    const exchange = (
      simulator: RunningJiraSimulator,
      token: string,
      verifier: string | undefined,
      consumer = me,
      timestamp?: number
    ) =>
      signedFetch(simulator, {
        ...consumer,
        method: "POST",
        path: "/plugins/servlet/oauth/access-token",
        token,
        ...(verifier === undefined ? {} : { oauthParams: { oauth_verifier: verifier } }),
        ...(timestamp === undefined ? {} : { timestamp }),
      });

    it("permission_unknown before the user decided", async () => {
      const simulator = await start();
      const { token } = await getRequestToken(simulator, me);

      expectProblem(await exchange(simulator, token, "guess"), simulator.url, "permission_unknown");
    });

    it("parameter_absent without oauth_verifier (OAuth 1.0a)", async () => {
      const simulator = await start();
      const { token } = await getRequestToken(simulator, me);
      await approveRequestToken(simulator, token);

      expectProblem(
        await exchange(simulator, token, undefined),
        simulator.url,
        "parameter_absent",
        {
          oauth_parameters_absent: "oauth_verifier",
        }
      );
    });

    it("parameter_absent without oauth_token", async () => {
      const simulator = await start();

      const response = await signedFetch(simulator, {
        ...me,
        method: "POST",
        path: "/plugins/servlet/oauth/access-token",
        oauthParams: { oauth_verifier: "x" },
      });

      expectProblem(response, simulator.url, "parameter_absent", {
        oauth_parameters_absent: "oauth_token",
      });
    });

    it("token_rejected for a wrong verifier, another consumer's request token, an access token, and a second exchange", async () => {
      const simulator = await start();
      const { token } = await getRequestToken(simulator, me);
      const { verifier } = await approveRequestToken(simulator, token);

      const wrongVerifier = await exchange(simulator, token, "wrong");
      const otherConsumer = await exchange(simulator, token, verifier, other);
      const first = await exchange(simulator, token, verifier);
      const second = await exchange(simulator, token, verifier);
      const accessToken = parseForm(first.body)["oauth_token"] ?? "";
      const accessAsRequest = await exchange(simulator, accessToken, verifier);

      expect(first.status).toBe(200);
      for (const response of [wrongVerifier, otherConsumer, second, accessAsRequest]) {
        expectProblem(response, simulator.url, "token_rejected");
      }
    });

    it("token_expired for a request token older than 10 minutes", async () => {
      const simulator = await start();
      const { token } = await getRequestToken(simulator, me);
      const { verifier } = await approveRequestToken(simulator, token);

      simulator.control.updateSettings({ clockSkewSeconds: 601 });
      const response = await exchange(simulator, token, verifier, me, nowSeconds() + 601);

      expectProblem(response, simulator.url, "token_expired");
    });
  });
});

describe("2-legged OAuth and anonymous requests", () => {
  it("runs a signed request without a token anonymously while 2-legged OAuth is off", async () => {
    const simulator = await start();

    const noToken = await myself(simulator);
    const emptyToken = await myself(simulator, { token: "" });

    for (const response of [noToken, emptyToken]) {
      expect({ status: response.status, body: JSON.parse(response.body) as unknown }).toEqual({
        status: 401,
        body: NOT_AUTHENTICATED,
      });
      expect(response.headers.get("www-authenticate")).toBeNull();
    }
  });

  it("runs it as the service user when 2-legged OAuth is on", async () => {
    const simulator = await start({ settings: { twoLeggedOAuth: true } });

    const noToken = await myself(simulator);
    const emptyToken = await myself(simulator, { token: "" });

    for (const response of [noToken, emptyToken]) {
      expect(JSON.parse(response.body)).toMatchObject({
        name: "svc-mail",
        displayName: "Mail Integration Service",
      });
    }
  });

  it("still refuses a 2-legged request whose signature is wrong", async () => {
    const simulator = await start({ settings: { twoLeggedOAuth: true } });

    expectProblem(
      await myself(simulator, { privateKeyPem: otherKeys.privateKeyPem }),
      simulator.url,
      "signature_invalid",
      { oauth_signature_base_string: expect.any(String) as unknown as string }
    );
  });

  it("treats unsigned and Basic requests as anonymous", async () => {
    const simulator = await start({ settings: { twoLeggedOAuth: true } });

    const unsigned = await fetch(`${simulator.url}/rest/api/2/myself`);
    const basic = await fetch(`${simulator.url}/rest/api/2/myself`, {
      headers: { Authorization: `Basic ${Buffer.from("jane:secret").toString("base64")}` },
    });

    expect(unsigned.status).toBe(401);
    expect(basic.status).toBe(401);
    expect(await basic.json()).toEqual(NOT_AUTHENTICATED);
  });
});

describe("the simulator clock", () => {
  it("refuses a client on real time when Jira's clock is 10 minutes ahead, and shows its clock in Date", async () => {
    const simulator = await start();
    const token = await runThreeLeggedDance(simulator, me);
    simulator.control.updateSettings({ clockSkewSeconds: 600 });

    const refused = await myself(simulator, { token });
    const jiraNow = Date.parse(refused.headers.get("date") ?? "") / 1000;
    // A client that corrects its clock from Jira's Date header gets through.
    const corrected = await myself(simulator, { token, timestamp: jiraNow });

    expect(parseForm(refused.body)["oauth_problem"]).toBe("timestamp_refused");
    expect(jiraNow).toBeGreaterThanOrEqual(nowSeconds() + 600 - 5);
    expect(jiraNow).toBeLessThanOrEqual(nowSeconds() + 600 + 1);
    expect(corrected.status).toBe(200);
  });
});

describe("a base URL with a context path and another host (Jira behind a proxy)", () => {
  it("serves every route under the context path and verifies signatures over the base URL", async () => {
    const simulator = await start({ baseUrl: "https://Jira.Example.com:443/jira/" });
    expect(simulator.settings.baseUrl).toBe("https://jira.example.com/jira");

    const token = await runThreeLeggedDance(simulator, me);
    const answer = await myself(simulator, { token });
    // Signed over the URL it was sent to instead of Jira's base URL: the classic proxy mistake.
    const signedOverListeningUrl = await signedFetch(`${simulator.url}/jira`, {
      ...me,
      token,
      path: "/rest/api/2/myself",
    });
    const outsideContext = await fetch(`${simulator.url}/rest/api/2/myself`);
    const controls = await fetch(`${simulator.url}/jira/__sim/state`);

    expect(JSON.parse(answer.body)).toMatchObject({
      name: "jane",
      self: "https://jira.example.com/jira/rest/api/2/user?username=jane",
    });
    expectProblem(signedOverListeningUrl, "https://jira.example.com/jira", "signature_invalid", {
      oauth_signature_base_string: expect.stringMatching(
        /^GET&https%3A%2F%2Fjira\.example\.com%2Fjira%2Frest%2Fapi%2F2%2Fmyself&/
      ) as unknown as string,
    });
    expect(outsideContext.status).toBe(404);
    expect(controls.status).toBe(200);
  });
});
