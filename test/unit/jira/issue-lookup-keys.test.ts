/**
 * Which text the issue lookups take for an issue key, over real HTTP to a scripted Jira: keys as
 * Jira admins may configure them (one-letter projects included) go straight to a lookup, text
 * that is no key (a leading zero, an absurd number) is searched as text or never asked about.
 */
import { createJiraClient } from "../../../src/jira/create-jira-client";
import { lookUpIssues, searchIssues } from "../../../src/jira/issue-lookup";
import { createOAuthSigner } from "../../../src/oauth/oauth-signer";
import { makeRsaKeyPair } from "../oauth/reference-oauth1";
import { startScriptedServer } from "./scripted-server";
import type { RecordedRequest, ScriptedServer } from "./scripted-server";

jest.setTimeout(20_000);

const keys = makeRsaKeyPair();
let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer();
  // Jira knows A-1 (project "A", a one-letter key its admin allowed) and SUP-2.
  server.handle((request) => {
    const url = new URL(request.url, "http://jira");
    if (url.pathname.endsWith("/issue/picker")) return { status: 200, body: { sections: [] } };
    if (url.pathname.endsWith("/search")) {
      const jql = url.searchParams.get("jql") ?? "";
      const issues = ["A-1", "SUP-2"]
        .filter((key) => jql.includes(`"${key}"`))
        .map((key, index) => ({
          id: String(10001 + index),
          key,
          fields: { summary: `Issue ${key}`, status: { name: "Open" }, resolution: null },
        }));
      return { status: 200, body: { startAt: 0, maxResults: 50, total: issues.length, issues } };
    }
    return { status: 404, body: { errorMessages: ["no script"], errors: {} } };
  });
});

afterEach(async () => {
  await server.close();
});

async function jira() {
  const signer = await createOAuthSigner({
    consumerKey: "jira-for-outlook",
    privateKeyPem: keys.pkcs8,
  });
  return createJiraClient({
    baseUrl: "https://jira.example.com",
    relayBase: `${server.url}/jira-relay`,
    signer,
    accessToken: () => ({ token: "t", secret: "s" }),
  });
}

/** "GET /search jql" or "GET /issue/picker query", as Jira received them. */
const asked = (request: RecordedRequest) => {
  const url = new URL(request.url, "http://jira");
  const path = url.pathname.replace("/jira-relay/rest/api/2", "");
  return `${request.method} ${path} ${url.searchParams.get("jql") ?? url.searchParams.get("query")}`;
};

describe("searchIssues and lookUpIssues: what is a key", () => {
  it("goes straight to the issue for a key of a one-letter project", async () => {
    const found = await searchIssues(await jira(), " a-1 ", { hideResolved: true });
    expect(found.map((issue) => issue.key)).toEqual(["A-1"]);
    expect(server.requests.map(asked)).toEqual(['GET /search key in ("A-1")']);
  });

  it("searches text with a leading zero as text, not as a key", async () => {
    await searchIssues(await jira(), "SUP-02", { hideResolved: false });
    const requests = server.requests.map(asked);
    expect(requests).toContain("GET /issue/picker SUP-02");
    expect(requests.some((request) => request.includes("key in"))).toBe(false);
  });

  it("never asks about text that is no key", async () => {
    const found = await lookUpIssues(await jira(), {
      keys: ["SUP-02", "SUP-0", "sup-2", "SUP-1234567890123456", "ſup-2"],
    });
    expect(found.map((issue) => issue.key)).toEqual(["SUP-2"]);
    expect(server.requests.map(asked)).toEqual(['GET /search key in ("SUP-2")']);
  });
});
