/**
 * A Jira URL that doesn't lead to Jira, over real HTTP: another web application (an HTML 404, its
 * own JSON), a single sign-on gateway answering with its login page (200 or 401) or redirecting to
 * it. The pane's sign-in ends signed out with a notice that names what to check and who checks
 * it, and signing in again works once the address leads to Jira.
 */
import type http from "node:http";
import { noticeOf, passTo, setUpFaultKit } from "./fault-kit";

jest.setTimeout(30_000);

const kit = setUpFaultKit();

type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const notJiraHtml: Answer = (_req, res) => {
  res.writeHead(404, { "Content-Type": "text/html" });
  res.end(
    "<!doctype html><html><head><title>Welcome to nginx!</title></head><body>404</body></html>"
  );
};
const notJiraJson: Answer = (req, res) => {
  res.writeHead(404, { "Content-Type": "application/json" });
  res.end(
    JSON.stringify({ timestamp: Date.now(), status: 404, error: "Not Found", path: req.url })
  );
};
const somethingElsesJson: Answer = (_req, res) => {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ status: "UP", components: { db: "UP" } }));
};
const loginPage =
  (status: number): Answer =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      '<!DOCTYPE html><html><head><title>Contoso Single Sign-On</title></head><body><form method="post">' +
        '<input name="username"><input type="password" name="password"></form></body></html>'
    );
  };
const ssoRedirect: Answer = (_req, res) => {
  res.writeHead(302, {
    Location: "https://sso.contoso.example/adfs/ls/?SAMLRequest=fZJNT8MwDIb%2FSpV7m6",
  });
  res.end();
};

describe("signing in when the Jira URL leads elsewhere", () => {
  it.each<[string, Answer, string, RegExp]>([
    [
      "another web application's HTML 404",
      notJiraHtml,
      "not_jira",
      /is not Jira: it answered 404.*administrator.*jiraBaseUrl in addin-config\.json.*JIRA_URL/,
    ],
    [
      "another web application's JSON 404",
      notJiraJson,
      "not_jira",
      /is not Jira: it answered 404.*jiraBaseUrl/,
    ],
    [
      "JSON of something else with 200",
      somethingElsesJson,
      "invalid_response",
      /not Jira's data.*administrator.*Base URL.*proxy/,
    ],
    [
      "a single sign-on login page with 200",
      loginPage(200),
      "sso_login_page",
      /login page answered instead of Jira.*single sign-on gateway.*Jira's administrator/,
    ],
    [
      "a single sign-on login page with 401",
      loginPage(401),
      "sso_login_page",
      /login page answered instead of Jira/,
    ],
    [
      "a redirect to a single sign-on gateway",
      ssoRedirect,
      "jira_redirect",
      /answered with a redirect instead of data.*single sign-on gateway.*Base URL/,
    ],
  ])(
    "%s: signed out, a notice naming what to check, and Try again works",
    async (_label, answer, code, text) => {
      const sim = await kit.startSimulator();
      const front = await kit.startFront();
      front.handle = answer;
      const pane = await kit.startPane(sim, { relayUrl: front.url });

      await pane.session.signIn();

      const state = pane.session.getState();
      expect(state.status).toBe("signed_out");
      const notice = noticeOf(state);
      expect(notice.code).toBe(code);
      expect(notice.message).toMatch(text);
      // Nothing followed the redirect, and nothing was retried: one request-token POST.
      expect(front.requests).toEqual(["POST /plugins/servlet/oauth/request-token"]);

      // The administrator fixes it: the same address now leads to Jira, and Sign in works.
      front.handle = (req, res) => passTo(sim.url, req, res);
      await pane.session.signIn();
      expect(pane.session.getState()).toMatchObject({
        status: "signed_in",
        account: { displayName: "Jane Doe" },
      });
    }
  );

  it("through the add-in's relay: the gateway's redirect reaches the pane, which refuses to follow it", async () => {
    const sim = await kit.startSimulator();
    const front = await kit.startFront();
    front.handle = ssoRedirect;
    const relay = await kit.startRelay(front.url);
    const pane = await kit.startPane(sim, relay);

    await pane.session.signIn();

    expect(noticeOf(pane.session.getState())).toMatchObject({
      code: "jira_redirect",
      title: "Redirected away from Jira",
    });
    expect(pane.requests).toEqual(["POST /jira/plugins/servlet/oauth/request-token"]);
  });

  it("a stored sign-in meets a login gateway at work: the work fails with the notice, the session stays", async () => {
    const sim = await kit.startSimulator();
    const front = await kit.startFront({ target: sim.url });
    const pane = await kit.startPane(sim, { relayUrl: front.url });
    await pane.session.signIn();

    front.handle = loginPage(200);
    const failure = await pane.session
      .withJira((jira) => jira.projects())
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: "sso_login_page" });
    expect(pane.session.getState().status).toBe("signed_in");
  });
});
