/**
 * The issue finder's lists against the simulator, through the real session (signed in through the
 * simulator's OAuth dance as Jane) and the real Jira client over HTTP on 127.0.0.1; only Outlook's
 * part (the email's body and thread headers) is in memory. The simulator's seed is the judge: keys
 * named in the subject, body, thread and conversation are offered best first, words that merely
 * look like keys ("UTF-8", "SHA-256") are never looked up, projects Jane can't see are left out.
 */
import type { MailMessage } from "../../../../src/mail/mail-message";
import { createIssueSource } from "../../../../src/ui/issue-finder/issue-source";
import type { MailContentPort, ThreadHeaders } from "../../../../src/ui/ports";
import { setUpSessionSimulator } from "../../../unit/session/session-fakes";
import { memoryMailContent, sampleMessage } from "../../../unit/ui/ui-fakes";
import type { MemoryMailContentOptions } from "../../../unit/ui/ui-fakes";

jest.setTimeout(60_000);

const { startSimulator, startPane } = setUpSessionSimulator();

const message: MailMessage = sampleMessage({ subject: "RE: [SUP-2] VPN drops every hour" });
const body = {
  html: null,
  text:
    "Hi, the tunnel still drops. Our config is UTF-8 and the cert is SHA-256 signed.\n" +
    "Possibly the same as OPS-2. ENG-1 says the same.\n",
};

/** A signed-in session on a fresh simulator, every request's path and query recorded. */
async function signedIn() {
  const sim = await startSimulator();
  const urls: string[] = [];
  const pane = await startPane(sim, {
    fetch: (inner) => (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      urls.push(`${init?.method ?? "GET"} ${url.pathname}${decodeURIComponent(url.search)}`);
      return inner(input, init);
    },
  });
  await pane.session.signIn();
  urls.length = 0; // Only the finder's requests from here on.
  return { sim, session: pane.session, urls };
}

async function sourceFor(options: MemoryMailContentOptions = {}) {
  const jira = await signedIn();
  const mailContent = memoryMailContent(message, { body, ...options });
  return { ...jira, mailContent, source: createIssueSource(jira.session, mailContent) };
}

const keys = (issues: Array<{ key: string }>) => issues.map((issue) => issue.key);

describe("IssueSource against the simulator", () => {
  it("offers the subject's key first, then the body's, leaving out look-alikes and hidden projects", async () => {
    const { source, urls } = await sourceFor();
    const found = await source.inEmail(message, []);
    expect(keys(found)).toEqual(["SUP-2", "OPS-2"]);
    expect(found[0]).toMatchObject({
      key: "SUP-2",
      summary: "VPN drops every hour",
      statusName: "In Progress",
      statusCategory: "indeterminate",
      resolved: false,
      projectKey: "SUP",
    });
    // One list of projects, one lookup; UTF-8, SHA-256 and ENG-1 (Jane can't see ENG) never asked.
    expect(urls.filter((url) => url.includes("/rest/api/2/project"))).toHaveLength(1);
    const searches = urls.filter((url) => url.includes("/rest/api/2/search"));
    expect(searches).toHaveLength(1);
    expect(searches[0]).not.toMatch(/UTF|SHA|ENG/);
  });

  it("asks for the visible projects once per connection", async () => {
    const { source, urls } = await sourceFor();
    await source.inEmail(message, []);
    await source.inEmail(message, ["OPS-1"]);
    expect(urls.filter((url) => url.includes("/rest/api/2/project"))).toHaveLength(1);
  });

  it("adds the issues of the conversation and of Jira's own Message-IDs in the thread", async () => {
    const jira = await signedIn();
    const [ops3] = await createIssueSource(jira.session, memoryMailContent(message)).search(
      "OPS-3",
      false
    );
    const threadHeaders: ThreadHeaders = {
      inReplyTo: [`JIRA.${ops3.id}.1591234567000.123.1591234567890@jira.example.com`],
      references: [],
    };
    const mailContent = memoryMailContent(message, {
      body: { html: null, text: "" },
      threadHeaders,
    });
    const found = await createIssueSource(jira.session, mailContent).inEmail(message, ["OPS-1"]);
    expect(keys(found)).toEqual(["SUP-2", "OPS-3", "OPS-1"]);
  });

  it("ranks the issue of the Jira notification answered right after the subject's keys", async () => {
    const jira = await signedIn();
    const [ops3] = await createIssueSource(jira.session, memoryMailContent(message)).search(
      "OPS-3",
      false
    );
    const mailContent = memoryMailContent(message, {
      // The body names OPS-2 three times; the notification being answered is about OPS-3.
      body: { html: null, text: "OPS-2 OPS-2 OPS-2, also SUP-1" },
      threadHeaders: {
        inReplyTo: [],
        references: [`JIRA.${ops3.id}.1591234567000.123.1591234567890@jira.example.com`],
      },
    });
    const found = await createIssueSource(jira.session, mailContent).inEmail(message, ["OPS-1"]);
    expect(keys(found)).toEqual(["SUP-2", "OPS-3", "OPS-1", "OPS-2", "SUP-1"]);

    // Named in the body too: still ranked as the notification's issue.
    const alsoInBody = memoryMailContent(message, {
      body: { html: null, text: "OPS-2 and OPS-3" },
      threadHeaders: {
        inReplyTo: [`JIRA.${ops3.id}.1591234567000.123.1591234567890@jira.example.com`],
        references: [],
      },
    });
    expect(keys(await createIssueSource(jira.session, alsoInBody).inEmail(message, []))).toEqual([
      "SUP-2",
      "OPS-3",
      "OPS-2",
    ]);
  });

  it("reads the thread headers only after the body (Outlook on the web: 3 calls at a time)", async () => {
    const { session } = await signedIn();
    const inner = memoryMailContent(message, { body });
    const calls: string[] = [];
    const mailContent: MailContentPort = {
      ...inner,
      async readBody(read) {
        calls.push("body started");
        await new Promise((resolve) => setTimeout(resolve, 20));
        calls.push("body read");
        return inner.readBody(read);
      },
      async readThreadHeaders(read) {
        calls.push("headers started");
        return inner.readThreadHeaders(read);
      },
    };
    expect(keys(await createIssueSource(session, mailContent).inEmail(message, []))).toEqual([
      "SUP-2",
      "OPS-2",
    ]);
    expect(calls).toEqual(["body started", "body read", "headers started"]);
  });

  it("still offers the subject's key when the body and the headers can't be read", async () => {
    const { source, mailContent } = await sourceFor();
    const lost = Object.assign(new Error("Another email is selected."), { code: 9030 });
    mailContent.failNext("body", lost);
    mailContent.failNext("headers", lost);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      expect(keys(await source.inEmail(message, []))).toEqual(["SUP-2"]);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it("offers nothing, without a lookup, for an email naming no issue", async () => {
    const plain = sampleMessage({ subject: "Lunch on Friday?" });
    const { session, urls } = await signedIn();
    const mailContent = memoryMailContent(plain, { body: { html: null, text: "UTF-8 only" } });
    expect(await createIssueSource(session, mailContent).inEmail(plain, [])).toEqual([]);
    expect(urls.some((url) => url.includes("/rest/api/2/search"))).toBe(false);
  });

  it("searches by a word of the summary, hiding resolved issues on request", async () => {
    const { source } = await sourceFor();
    expect(keys(await source.search("vpn", true))).toContain("SUP-2");
    const invoice = await source.search("invoice", true);
    expect(invoice.every((found) => !found.resolved)).toBe(true);
    expect(keys(invoice)).not.toContain("SUP-3");
    expect(keys(await source.search("invoice", false))).toContain("SUP-3");
  });

  it("finds a key typed in full, and one issue by key", async () => {
    const { source } = await sourceFor();
    expect(keys(await source.search("sup-3", true))).toEqual(["SUP-3"]);
    expect((await source.byKey("OPS-2"))?.summary).toBe(
      "Renew TLS certificate for the mail gateway"
    );
    expect(await source.byKey("SUP-999")).toBeUndefined();
    expect(await source.byKey("ENG-1")).toBeUndefined();
  });

  it("lists recent issues, the last viewed first, leaving out resolved ones on request", async () => {
    const { source, session } = await sourceFor();
    // Jane opens the resolved SUP-3 in Jira: it tops her issue history.
    await session.withJira((client) =>
      client.request({
        method: "GET",
        path: "/rest/api/2/issue/SUP-3",
        query: { updateHistory: "true", fields: "summary" },
      })
    );
    const all = await source.recent(false);
    expect(keys(all)[0]).toBe("SUP-3");
    const unresolved = await source.recent(true);
    expect(unresolved.length).toBeGreaterThan(0);
    expect(keys(unresolved)).toEqual(keys(all.filter((found) => !found.resolved)));
  });
});
