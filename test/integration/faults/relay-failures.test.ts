/**
 * The add-in server's relay failing to reach Jira, for real: certificates it doesn't trust (self
 * signed, signed by an unknown private CA, issued for another name), nothing listening, a host
 * name that doesn't resolve, a connection cut; and a relay reporting a timeout. The pane's
 * sign-in ends with a notice of its own code that names the setting to check (JIRA_CA_FILE,
 * JIRA_URL) and who checks it; what no wait mends is not retried; once the administrator fixed it,
 * signing in works.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { makeTestCertificate, removeDir } from "../server/server-test-kit";
import { createIssueOnce } from "../../../src/jira/create-issue-once";
import { noticeOf, passTo, passToAndDrop, setUpFaultKit } from "./fault-kit";

jest.setTimeout(60_000);

const kit = setUpFaultKit();

const REQUEST_TOKEN = "POST /jira/plugins/servlet/oauth/request-token";

describe("Jira's certificate", () => {
  it("self-signed: jira_tls_error naming JIRA_CA_FILE, not retried; trusted as JIRA_CA_FILE, the sign-in works", async () => {
    const sim = await kit.startSimulator();
    const cert = await makeTestCertificate();
    try {
      const jira = await kit.startFront({ tls: cert, target: sim.url });
      const untrusting = await kit.startRelay(jira.url);
      const pane = await kit.startPane(sim, untrusting);

      await pane.session.signIn();

      const notice = noticeOf(pane.session.getState());
      expect(notice).toMatchObject({
        code: "jira_tls_error",
        title: "Jira's certificate not trusted",
      });
      expect(notice.message).toMatch(
        /refused the certificate of Jira \(http:\/\/127\.0\.0\.1:\d+\) \(DEPTH_ZERO_SELF_SIGNED_CERT\)\. Ask the add-in's administrator: .*private certificate authority.*JIRA_CA_FILE/
      );
      expect(pane.requests).toEqual([REQUEST_TOKEN]);
      expect(jira.requests).toEqual([]);

      const trusting = await kit.startRelay(jira.url, cert.cert);
      const fixed = await kit.startPane(sim, trusting);
      await fixed.session.signIn();
      expect(fixed.session.getState()).toMatchObject({ status: "signed_in" });
    } finally {
      await removeDir(cert.dir);
    }
  });

  it("signed by a private CA the relay doesn't know: UNABLE_TO_VERIFY_LEAF_SIGNATURE → jira_tls_error; with the CA, it works", async () => {
    const sim = await kit.startSimulator();
    const { ca, leaf } = await kit.certificates(["127.0.0.1", "localhost"]);
    const jira = await kit.startFront({ tls: leaf, target: sim.url });
    const pane = await kit.startPane(sim, await kit.startRelay(jira.url));

    await pane.session.signIn();

    expect(noticeOf(pane.session.getState())).toMatchObject({
      code: "jira_tls_error",
      message: expect.stringMatching(/\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\).*JIRA_CA_FILE/),
    });

    const fixed = await kit.startPane(sim, await kit.startRelay(jira.url, ca.cert));
    await fixed.session.signIn();
    expect(fixed.session.getState()).toMatchObject({ status: "signed_in" });
    await expect(fixed.session.withJira((client) => client.projects())).resolves.not.toEqual([]);
  });

  it("issued for another host name: ERR_TLS_CERT_ALTNAME_INVALID → jira_tls_error naming JIRA_URL", async () => {
    const sim = await kit.startSimulator();
    const { ca, leaf } = await kit.certificates(["jira.example.com"]);
    const jira = await kit.startFront({ tls: leaf, target: sim.url });
    const pane = await kit.startPane(sim, await kit.startRelay(jira.url, ca.cert));

    await pane.session.signIn();

    const notice = noticeOf(pane.session.getState());
    expect(notice.code).toBe("jira_tls_error");
    expect(notice.message).toMatch(
      /\(ERR_TLS_CERT_ALTNAME_INVALID\).*if the certificate is for another host name, use that name in JIRA_URL/
    );
  });
});

describe("Jira out of reach", () => {
  it("nothing listening (ECONNREFUSED): jira_unreachable; a read is retried, the sign-in's POST is not", async () => {
    const sim = await kit.startSimulator();
    const closed = await closedPort();
    const relay = await kit.startRelay(`http://127.0.0.1:${closed}`);
    const pane = await kit.startPane(sim, relay);

    await pane.session.signIn();

    const notice = noticeOf(pane.session.getState());
    expect(notice).toMatchObject({ code: "jira_unreachable", title: "Jira unreachable" });
    expect(notice.message).toMatch(
      /could not reach Jira \(http:\/\/127\.0\.0\.1:\d+\) \(ECONNREFUSED\)\. Jira may be down or restarting: try again later\. If it persists, tell the add-in's administrator\./
    );
    expect(pane.requests).toEqual([REQUEST_TOKEN]);
  });

  it("a host name that doesn't resolve (ENOTFOUND): jira_host_not_found, not retried", async () => {
    const sim = await kit.startSimulator();
    // .invalid never resolves (RFC 6761 §6.4).
    const pane = await kit.startPane(sim, await kit.startRelay("http://jira.invalid"));

    await pane.session.signIn();

    const notice = noticeOf(pane.session.getState());
    expect(notice.code).toBe("jira_host_not_found");
    expect(notice.message).toMatch(/\((ENOTFOUND|EAI_AGAIN)\).*host name in the server's JIRA_URL/);
    expect(pane.requests).toEqual([REQUEST_TOKEN]);
  });

  it("the connection cut (ECONNRESET): jira_unreachable for the POST; a read cut once still succeeds", async () => {
    const sim = await kit.startSimulator();
    const relay = await kit.startRelay(sim.url);
    const pane = await kit.startPane(sim, relay);

    sim.control.failNext({ drop: true, pathPrefix: "/plugins/servlet/oauth/request-token" });
    await pane.session.signIn();
    expect(noticeOf(pane.session.getState())).toMatchObject({
      code: "jira_unreachable",
      message: expect.stringMatching(/\(ECONNRESET\)/),
    });

    await pane.session.signIn();
    expect(pane.session.getState().status).toBe("signed_in");
    sim.control.failNext({ drop: true, pathPrefix: "/rest/api/2/project", method: "GET" });
    await expect(pane.session.withJira((jira) => jira.projects())).resolves.not.toEqual([]);
    // Whoever tries it again (the relay's connection pool or the pane's retry), the read succeeds.
    expect(sim.control.state().faults).toEqual([]);
  });

  it("a relay that gave up waiting (504 ETIMEDOUT): the jira_timeout notice, saying who checks what, not retried", async () => {
    const sim = await kit.startSimulator();
    // The relay's answer when Jira sent nothing for its whole timeout (src/server/relay-errors.ts).
    const relay = await kit.startFront();
    relay.handle = (_req, res) => relayTimedOut(res);
    const pane = await kit.startPane(sim, { relayUrl: relay.url });

    await pane.session.signIn();

    const notice = noticeOf(pane.session.getState());
    expect(notice).toMatchObject({ code: "jira_timeout", title: "Jira did not answer in time" });
    expect(notice.message).toMatch(/waited too long.*\(ETIMEDOUT\).*firewall.*administrator/);
    expect(relay.requests).toEqual(["POST /plugins/servlet/oauth/request-token"]);
  });

  it("a create the relay gave up on after Jira stored it: the pane looks before creating again, exactly one issue", async () => {
    const sim = await kit.startSimulator();
    const relay = await kit.startFront({ target: sim.url });
    const pane = await kit.startPane(sim, { relayUrl: relay.url });
    await pane.session.signIn();
    const summary = `Created while the relay timed out ${Date.now()}`;
    // Jira gets the create and stores the issue; the relay has stopped waiting and answers 504.
    relay.handle = (req, res) => {
      if (req.method === "POST" && req.url === "/rest/api/2/issue") {
        passToAndDrop(sim.url, req, () => relayTimedOut(res));
        return;
      }
      passTo(sim.url, req, res);
    };

    const created = await pane.session.withJira((jira) =>
      createIssueOnce(jira, { projectKey: "SUP", issueTypeId: "3", summary, description: "" })
    );

    expect(created).toMatchObject({ recovered: true });
    const issues = (sim.control.state().data as { issues: Array<{ values: { summary?: string } }> })
      .issues;
    expect(issues.filter((issue) => issue.values.summary === summary)).toHaveLength(1);
  });
});

async function closedPort(): Promise<number> {
  const server = http.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The relay's 504 when Jira sent nothing for its whole timeout (src/server/relay-errors.ts). */
function relayTimedOut(res: http.ServerResponse): void {
  res.writeHead(504, { "Content-Type": "application/json", "X-Relay-Error": "ETIMEDOUT" });
  res.end(
    JSON.stringify({
      errorMessages: [
        "Jira did not answer the add-in server in time (no answer from Jira for 120 s, ETIMEDOUT).",
      ],
    })
  );
}
