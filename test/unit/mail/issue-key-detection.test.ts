/**
 * Finding the issues an email is about (detectIssueKeys, jiraIssueIdsInThread): whole tokens
 * only, projects the user can see only, ranked subject → thread topic → conversation → body →
 * thread headers, linear on megabytes of hostile text.
 */
import {
  MAX_CANDIDATES,
  MAX_SCANNED_BODY_CHARS,
  detectIssueKeys,
  jiraIssueIdsInThread,
} from "../../../src/mail/issue-key-detection";
import type { KeyDetectionInput } from "../../../src/mail/issue-key-detection";
import type { ThreadHeaders } from "../../../src/ui/ports";

const PROJECTS = new Set(["SUP", "OPS", "AB_C", "A1"]);
const noThread: ThreadHeaders = { inReplyTo: [], references: [] };

function input(overrides: Partial<KeyDetectionInput> = {}): KeyDetectionInput {
  return {
    subject: "",
    bodyText: "",
    threadHeaders: noThread,
    conversationKeys: [],
    ...overrides,
  };
}

/** The keys found in `bodyText` alone. */
const bodyKeys = (bodyText: string, projects: ReadonlySet<string> = PROJECTS) =>
  detectIssueKeys(input({ bodyText }), projects).map((candidate) => candidate.key);

const subjectKeys = (subject: string, projects: ReadonlySet<string> = PROJECTS) =>
  detectIssueKeys(input({ subject }), projects).map((candidate) => candidate.key);

describe("detectIssueKeys: what counts as a key in the body", () => {
  it.each([
    ["SUP-2", ["SUP-2"]],
    ["see SUP-2.", ["SUP-2"]],
    ["(SUP-2), [OPS-7]; SUP-3: done", ["SUP-2", "OPS-7", "SUP-3"]],
    ["SUP-2/OPS-7", ["SUP-2", "OPS-7"]],
    ["SUP-2's status", ["SUP-2"]],
    ['"SUP-2"', ["SUP-2"]],
    ["line one\nSUP-2\tand\r\nOPS-7", ["SUP-2", "OPS-7"]],
    ["https://jira.example.com/browse/SUP-2", ["SUP-2"]],
    ["https://jira.example.com/browse/SUP-2?focusedCommentId=10100#comment-10100", ["SUP-2"]],
    ["https://jira.example.com/secure/QuickSearch.jspa?searchString=SUP-2", ["SUP-2"]],
    ["SUP-1234567", ["SUP-1234567"]],
    ["AB_C-5 and A1-9", ["AB_C-5", "A1-9"]],
    ["- SUP-2 (a list item)", ["SUP-2"]],
    ["-SUP-2", ["SUP-2"]],
    ["«SUP-2»", ["SUP-2"]],
  ])("%p → %p", (text, expected) => {
    expect(bodyKeys(text)).toEqual(expected);
  });

  it.each([
    ["lowercase in the body", "please look at sup-2"],
    ["mixed case in the body", "Sup-2"],
    ["letters after", "SUP-2x"],
    ["glued into a word with a hyphen", "abc-SUP-2x"],
    ["after a hyphenated word", "abc-SUP-2"],
    ["a longer hyphenated token", "SUP-2-3"],
    ["a version", "SUP-2.5"],
    ["a host name", "SUP-2.example.com"],
    ["a host name before", "www.SUP-2"],
    ["an email address", "SUP-2@example.com"],
    ["an email address's domain", "team@SUP-2"],
    ["a leading zero", "SUP-02"],
    ["number zero", "SUP-0"],
    ["a one-letter project the user can't see", "S-2"],
    ["inside a longer word", "XSUP-2"],
    ["a non-ASCII letter before", "ÄSUP-2"],
    ["a non-ASCII letter after", "SUP-2é"],
    ["digits before", "1SUP-2"],
    ["underscore before", "_SUP-2"],
    ["a project the user can't see", "ABC-1"],
    ["an absurd number", "SUP-1234567890123456"],
  ])("takes nothing from %s (%p)", (_what, text) => {
    expect(bodyKeys(text)).toEqual([]);
  });

  it.each([
    ["UTF-8", "UTF"],
    ["ISO-8859-1", "ISO"],
    ["SHA-256", "SHA"],
    ["COVID-19", "COVID"],
    ["WIN-1252", "WIN"],
  ])("doesn't take %p for a key while no project %p exists", (text, project) => {
    const body = `Content-Type: text/plain; charset=${text} — ${text} (${text}).`;
    expect(PROJECTS.has(project)).toBe(false);
    expect(bodyKeys(body)).toEqual([]);
    expect(subjectKeys(body)).toEqual([]);
    expect(subjectKeys(body.toLowerCase())).toEqual([]);
  });

  it("takes keys of one-letter projects, which Jira admins may allow, when such a project exists", () => {
    const withS = new Set([...PROJECTS, "S"]);
    expect(bodyKeys("S-2, then X-1", withS)).toEqual(["S-2"]);
    expect(subjectKeys("re: s-2", withS)).toEqual(["S-2"]);
    expect(
      detectIssueKeys(input({ conversationKeys: ["S-3"] }), withS).map((found) => found.key)
    ).toEqual(["S-3"]);
  });

  it("takes long project keys (Jira allows up to 255 characters)", () => {
    const project = "P".repeat(255);
    expect(bodyKeys(`${project}-1 and P${project}-1`, new Set([project]))).toEqual([
      `${project}-1`,
    ]);
  });

  it("takes COVID-19 or SHA-256 when such a project exists: the project check decides", () => {
    expect(bodyKeys("COVID-19 and SHA-256", new Set(["COVID", "SHA"]))).toEqual([
      "COVID-19",
      "SHA-256",
    ]);
  });

  it("never takes a part of ISO-8859-1, even with projects ISO and SO", () => {
    expect(bodyKeys("charset=ISO-8859-1", new Set(["ISO", "SO"]))).toEqual([]);
    expect(bodyKeys("ISO-8859", new Set(["ISO"]))).toEqual(["ISO-8859"]);
  });
});

describe("detectIssueKeys: the subject", () => {
  it("takes the key of a Jira-style subject, and lowercase keys typed by people", () => {
    expect(subjectKeys("RE: [SUP-2] VPN drops every hour")).toEqual(["SUP-2"]);
    expect(subjectKeys("re: sup-2 still broken")).toEqual(["SUP-2"]);
    expect(subjectKeys("Fw: Sup-2 / ops-7")).toEqual(["SUP-2", "OPS-7"]);
  });

  it("ranks bracketed keys first, then the others in order", () => {
    expect(subjectKeys("OPS-7 moved, see [SUP-2] and SUP-3")).toEqual(["SUP-2", "OPS-7", "SUP-3"]);
  });

  it.each([["RE: UTF-8 trouble"], ["sup-2x"], ["re-sup-2"], ["[ISO-8859-1]"], ["RE: ABC-1"]])(
    "takes nothing from %p",
    (subject) => {
      expect(subjectKeys(subject)).toEqual([]);
    }
  );
});

describe("detectIssueKeys: ranking", () => {
  it("offers SUP-2 first for preview sample 06 (a reply to [SUP-2])", () => {
    const candidates = detectIssueKeys(
      input({
        subject: "RE: [SUP-2] VPN drops every hour",
        bodyText:
          "Hi Sam,\n\nthe drops still happen. OPS-7 may be related.\n\n-----Original Message-----\n" +
          "Subject: RE: [SUP-2] VPN drops every hour\n",
        threadHeaders: {
          inReplyTo: ["SUP2-reply-2.20240607@mail.contoso.example"],
          references: [
            "SUP2-original.20240607@mail.fabrikam.example",
            "SUP2-reply-2.20240607@mail.contoso.example",
          ],
          threadTopic: "[SUP-2] VPN drops every hour",
        },
      }),
      PROJECTS
    );
    expect(candidates).toEqual([
      { key: "SUP-2", sources: ["subject", "thread", "body"] },
      { key: "OPS-7", sources: ["body"] },
    ]);
  });

  it("ranks subject, thread topic, conversation, body, then thread headers", () => {
    const candidates = detectIssueKeys(
      input({
        subject: "About SUP-1",
        threadHeaders: {
          inReplyTo: ["SUP-5.1718000000@jira.example"],
          references: [],
          threadTopic: "SUP-2 and more",
        },
        conversationKeys: ["SUP-3"],
        bodyText: "SUP-4",
      }),
      PROJECTS
    );
    expect(candidates).toEqual([
      { key: "SUP-1", sources: ["subject"] },
      { key: "SUP-2", sources: ["thread"] },
      { key: "SUP-3", sources: ["conversation"] },
      { key: "SUP-4", sources: ["body"] },
      { key: "SUP-5", sources: ["thread"] },
    ]);
  });

  it("ranks body keys by mentions, the earlier first on a tie", () => {
    const body = "OPS-1 first. SUP-9 SUP-9 SUP-9. OPS-2 OPS-2. OPS-3 OPS-3. OPS-1";
    expect(bodyKeys(body)).toEqual(["SUP-9", "OPS-1", "OPS-2", "OPS-3"]);
  });

  it("lists a key once, with each place it was found", () => {
    const candidates = detectIssueKeys(
      input({
        subject: "SUP-2",
        bodyText: "SUP-2 SUP-2",
        conversationKeys: ["SUP-2", "OPS-1"],
        threadHeaders: { inReplyTo: [], references: ["SUP-2.1@jira"], threadTopic: "SUP-2" },
      }),
      PROJECTS
    );
    expect(candidates).toEqual([
      { key: "SUP-2", sources: ["subject", "thread", "conversation", "body"] },
      { key: "OPS-1", sources: ["conversation"] },
    ]);
  });

  it("keeps remembered conversation keys only when they are keys of visible projects", () => {
    const candidates = detectIssueKeys(
      input({ conversationKeys: ["SUP-3", "OLD-1", "not a key", "sup-4", "SUP-3 x", ""] }),
      PROJECTS
    );
    expect(candidates).toEqual([{ key: "SUP-3", sources: ["conversation"] }]);
  });

  it("takes keys from Message-IDs: In-Reply-To first, then References newest first", () => {
    const candidates = detectIssueKeys(
      input({
        threadHeaders: {
          inReplyTo: ["issue-OPS-3-comment@helpdesk.example"],
          references: ["SUP-1.100@jira.example", "x.SUP-2.200@jira.example", "abcSUP-4x@x"],
        },
      }),
      PROJECTS
    );
    expect(candidates.map((candidate) => candidate.key)).toEqual(["OPS-3", "SUP-2", "SUP-1"]);
  });

  it(`returns at most ${MAX_CANDIDATES}`, () => {
    const body = Array.from({ length: 40 }, (_, i) => `SUP-${i + 1}`).join(" ");
    const keys = bodyKeys(body);
    expect(keys).toHaveLength(MAX_CANDIDATES);
    expect(keys[0]).toBe("SUP-1");
  });

  it("finds nothing in an empty email", () => {
    expect(detectIssueKeys(input(), PROJECTS)).toEqual([]);
    expect(detectIssueKeys(input({ subject: "SUP-2" }), new Set())).toEqual([]);
  });
});

describe("detectIssueKeys: large and hostile bodies", () => {
  it(`scans only the first ${MAX_SCANNED_BODY_CHARS} characters of the body`, () => {
    const filler = "lorem ipsum ".repeat(Math.ceil(MAX_SCANNED_BODY_CHARS / 12));
    expect(bodyKeys(`SUP-1 ${filler} SUP-2`)).toEqual(["SUP-1"]);
  });

  it("doesn't take a key cut short by the limit (SUP-12|345 is not SUP-12)", () => {
    const head = "x".repeat(MAX_SCANNED_BODY_CHARS - 7) + " ";
    expect(head.length + "SUP-12".length).toBe(MAX_SCANNED_BODY_CHARS);
    expect(bodyKeys(`${head}SUP-12345`)).toEqual([]);
    expect(bodyKeys(`${head}SUP-12 and more`)).toEqual(["SUP-12"]);
  });

  it.each([
    ["words", () => "SUP-1 " + "see SUP-2 and OPS-7 in the log, ".repeat(170_000)],
    ["one run of capitals", () => "SUP-1 " + "A".repeat(5_000_000)],
    ["capitals and hyphens", () => "SUP-1 " + "AB-".repeat(1_700_000)],
    ["a run of digits after a key", () => "SUP-1 " + "SUP-" + "9".repeat(5_000_000)],
    ["no spaces at all", () => "SUP-1 " + "x-SUP-2.".repeat(625_000)],
  ])("handles a 5 MB body of %s in linear time", (_what, makeBody) => {
    const bodyText = makeBody();
    expect(bodyText.length).toBeGreaterThanOrEqual(5_000_000);
    const started = performance.now();
    const candidates = detectIssueKeys(
      input({ subject: bodyText, bodyText, threadHeaders: { ...noThread, threadTopic: bodyText } }),
      PROJECTS
    );
    const elapsed = performance.now() - started;
    expect(candidates.map((candidate) => candidate.key)).toContain("SUP-1");
    expect(elapsed).toBeLessThan(1000);
  });
});

describe("jiraIssueIdsInThread", () => {
  const headers = (inReplyTo: string[], references: string[] = []): ThreadHeaders => ({
    inReplyTo,
    references,
  });

  it("takes the issue id of Jira notification Message-IDs", () => {
    expect(
      jiraIssueIdsInThread(headers(["JIRA.10001.1591234567000.123.1591234567890@jira.example"]))
    ).toEqual(["10001"]);
  });

  it("lists In-Reply-To first, then References newest first, each id once", () => {
    expect(
      jiraIssueIdsInThread(
        headers(
          ["JIRA.10003.1591234567000.5.1591234569999@jira.example"],
          [
            "JIRA.10001.1591234567000.1.1591234567890@jira.example",
            "reply.1@mail.example",
            "JIRA.10002.1591234567000.2.1591234568000@jira.example",
            "JIRA.10003.1591234567000.4.1591234569000@jira.example",
          ]
        )
      )
    ).toEqual(["10003", "10002", "10001"]);
  });

  it.each([
    ["a normal Message-ID", "SUP2-original.20240607@mail.fabrikam.example"],
    ["no number", "JIRA.abc.1591234567000@jira.example"],
    ["a leading zero", "JIRA.0123.1591234567000@jira.example"],
    ["no host", "JIRA.10001.1591234567000.1.2"],
    ["another prefix", "XJIRA.10001.1591234567000@jira.example"],
    ["lowercase", "jira.10001.1591234567000@jira.example"],
    ["an absurd id", "JIRA.1234567890123456789.1@jira.example"],
  ])("takes nothing from %s (%p)", (_what, id) => {
    expect(jiraIssueIdsInThread(headers([id], [id]))).toEqual([]);
  });

  it(`returns at most ${MAX_CANDIDATES} ids`, () => {
    const references = Array.from({ length: 30 }, (_, i) => `JIRA.${10001 + i}.1.1.1@jira.example`);
    const ids = jiraIssueIdsInThread(headers([], references));
    expect(ids).toHaveLength(MAX_CANDIDATES);
    expect(ids[0]).toBe("10030");
  });
});
