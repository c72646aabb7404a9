/**
 * Adding an email to an existing issue as a comment, end to end below the React views: the pane's
 * "Add to issue" store with the real session (signed in through the simulator's OAuth dance), the
 * real Jira client over HTTP on 127.0.0.1, the real converter, and Outlook's part in memory. The
 * simulator's own state is the judge: exactly one comment with the converted body (and the
 * attempt's marker), the files byte-identical and uploaded once, the inline image renamed when the
 * issue already has one of its name (the comment's markup following), the remote link, the issue
 * property merged with what it held; one comment after a 502 that came once Jira had stored it,
 * also when looking for it failed first; a failed step retried alone.
 */
import { createHash, randomBytes } from "node:crypto";
import domino from "@mixmark-io/domino";
import { COMMENT_PROPERTY_KEY } from "../../../../src/jira/add-comment-once";
import { EMAIL_PROPERTY_KEY } from "../../../../src/jira/email-reference";
import { lookUpIssues } from "../../../../src/jira/issue-lookup";
import { createEmailConverter } from "../../../../src/mail/email-converter";
import type { MailMessage } from "../../../../src/mail/mail-message";
import type { RunningJiraSimulator } from "../../../../src/simulator/create-jira-simulator";
import { addToIssueItemFor } from "../../../../src/ui/add-to-issue/add-to-issue-item";
import type { AddToIssueItem } from "../../../../src/ui/add-to-issue/add-to-issue-item";
import { createAddToIssueStore } from "../../../../src/ui/add-to-issue/add-to-issue-store";
import type {
  AddToIssueEntry,
  AddToIssueStore,
} from "../../../../src/ui/add-to-issue/add-to-issue-store";
import { prepareComment } from "../../../../src/ui/add-to-issue/comment-request";
import { deliveryStepLabel } from "../../../../src/ui/new-issue/delivery";
import { createDestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import type { DestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import { setUpSessionSimulator } from "../../../unit/session/session-fakes";
import type { TestPane } from "../../../unit/session/session-fakes";
import { memoryDrafts } from "../../../unit/ui/memory-drafts";
import {
  file,
  memoryEmailLinks,
  memoryMailContent,
  sampleMessage,
} from "../../../unit/ui/ui-fakes";
import type { MemoryEmailLinks, MemoryMailContent } from "../../../unit/ui/ui-fakes";
import { entryWhen, settled } from "../store-entry-waits";

jest.setTimeout(60_000);

const { startSimulator, startPane } = setUpSessionSimulator();

const LOG = Buffer.from("2026-12-04 09:00:01 vpn: tunnel closed (idle timeout)\n".repeat(100));
const PNG = randomBytes(2_000);
const EARLIER_PNG = randomBytes(1_500);
const EML =
  "From: chris@contoso.example\r\nSubject: RE: [SUP-2] VPN drops every hour\r\n\r\nHi\r\n";
const ICON = "https://addin.example.com/icon-16.png";
const COMMENTS = "/rest/api/2/issue/SUP-2/comment";

const message: MailMessage = sampleMessage({
  subject: "RE: [SUP-2] VPN drops every hour",
  internetMessageId: "<vpn-7@contoso.example>",
  conversationId: "conv-vpn",
  attachments: [
    file("att-1", "log.txt", "text/plain", LOG.length),
    {
      ...file("att-3", "image001.png", "image/png", PNG.length),
      isInline: true,
      contentId: "image001.png@01DA",
    },
  ],
});
const body = {
  html:
    '<html><body><p class="MsoNormal">It dropped <b>again</b> at 10:00.</p>' +
    '<p><img src="cid:image001.png@01DA" width="200"></p></body></html>',
  text: "It dropped again at 10:00.",
};

const sha256 = (content: Buffer | string) => createHash("sha256").update(content).digest("hex");

interface Pane {
  sim: RunningJiraSimulator;
  pane: TestPane;
  store: AddToIssueStore;
  item: AddToIssueItem;
  mailContent: MemoryMailContent;
  emailLinks: MemoryEmailLinks;
  destinations: DestinationMemory;
}

/** A signed-in pane showing `message`, with its "Add to issue" store. */
async function openPane(): Promise<Pane> {
  const sim = await startSimulator();
  const pane = await startPane(sim);
  await pane.session.signIn();
  const mailContent = memoryMailContent(message, {
    body,
    contents: { "att-1": LOG, "att-3": PNG },
    eml: EML,
  });
  const emailLinks = memoryEmailLinks();
  const destinations = createDestinationMemory(pane.settings);
  const store = createAddToIssueStore({
    session: pane.session,
    drafts: memoryDrafts(),
    mailContent,
    emailLinks,
    destinations,
    locale: "en-US",
    linkIconUrl: ICON,
    loadConverter: async () =>
      createEmailConverter({ parseHtml: (html) => domino.createDocument(html) }),
  });
  const item = addToIssueItemFor(message);
  return { sim, pane, store, item, mailContent, emailLinks, destinations };
}

/** The comment as converted, before Add comment (per pane). */
const converted = new WeakMap<Pane, string>();

/** What the form does: SUP-2 chosen, the comment converted, the .eml checked, then Add comment. */
async function addComment(pane: Pane): Promise<AddToIssueEntry> {
  const { store, item, pane: testPane } = pane;
  const [issue] = await testPane.session.withJira((jira) =>
    lookUpIssues(jira, { keys: ["SUP-2"] })
  );
  store.update(item, { issue, attachEmail: true });
  store.convert(item, message, "if-pending");
  const generated = await entryWhen(pane, (entry) => entry.draft.commentState === "generated");
  converted.set(pane, generated.draft.comment);
  return send(pane);
}

/** Add comment with the draft as it is (the form's prepareComment). */
async function send(pane: Pane): Promise<AddToIssueEntry> {
  const { store, item, pane: testPane } = pane;
  const meta = await testPane.session.withJira((jira) => jira.attachmentMeta());
  const prepared = prepareComment(store.get(item).draft, {
    message,
    jiraBaseUrl: pane.sim.settings.baseUrl,
    policy: { capabilities: pane.mailContent.capabilities, jira: meta },
  });
  if (!prepared.ok) throw new Error(`Add comment refused: ${JSON.stringify(prepared.problems)}`);
  expect(store.addComment(item, message, prepared.request)).toBe(true);
  return settled(pane);
}

interface StoredComment {
  id: string;
  body: string;
  properties: Record<string, unknown>;
}
interface StoredIssue {
  key: string;
  comments: StoredComment[];
  properties: Record<string, unknown>;
  remoteLinks: Array<{ globalId?: string; object: { title: string } }>;
}
interface StoredAttachment {
  issueKey: string | null;
  filename: string;
  sha256: string;
}

function simState(sim: RunningJiraSimulator) {
  return sim.control.state().data as { issues: StoredIssue[]; attachments: StoredAttachment[] };
}
const sup2 = (sim: RunningJiraSimulator) =>
  simState(sim).issues.find((issue) => issue.key === "SUP-2") as StoredIssue;
/** SUP-2's comments that carry the add-in's marker. */
const markedComments = (sim: RunningJiraSimulator) =>
  sup2(sim).comments.filter((comment) => COMMENT_PROPERTY_KEY in comment.properties);
const attachmentsOfSup2 = (sim: RunningJiraSimulator) =>
  simState(sim)
    .attachments.filter((attachment) => attachment.issueKey === "SUP-2")
    .map((attachment) => [attachment.filename, attachment.sha256])
    .sort();
const stepsOf = (entry: AddToIssueEntry) =>
  "delivery" in entry.submission
    ? entry.submission.delivery.steps.map((step) => [step.kind, step.status])
    : [];

/** Another email already remembered on SUP-2 (its property must survive the merge). */
const earlierReference = {
  messageId: "<vpn-1@contoso.example>",
  conversationId: "conv-vpn",
  sender: { name: "Chris Young", address: "chris@contoso.example" },
  subject: "VPN drops every hour",
  sentAt: "2026-11-28T08:00:00.000Z",
  kind: "created",
  attemptId: "b1d7f2b4-0000-4000-8000-000000000001",
  linkedAt: "2026-11-28T08:05:00.000Z",
};

describe("adding an email to an issue as a comment", () => {
  it("adds one comment with the converted body, renames the colliding image, uploads each file once, links and merges", async () => {
    const pane = await openPane();
    // SUP-2 already has an image001.png (an earlier email's picture) and remembers another email.
    await pane.pane.session.withJira(async (jira) => {
      await jira.addAttachment("SUP-2", {
        name: "image001.png",
        type: "image/png",
        data: new Blob([EARLIER_PNG]),
      });
      await jira.setIssueProperty("SUP-2", EMAIL_PROPERTY_KEY, {
        formatVersion: 1,
        emails: [earlierReference],
      });
    });
    const before = sup2(pane.sim).comments.length;

    const entry = await addComment(pane);

    expect(entry.submission.status).toBe("delivered");
    expect(stepsOf(entry)).toEqual([
      ["comment", "done"],
      ["upload", "done"],
      ["upload", "done"],
      ["upload", "done"],
      ["remote-link", "done"],
      ["issue-property", "done"],
      ["email-link", "done"],
    ]);
    const delivery = "delivery" in entry.submission ? entry.submission.delivery : undefined;
    expect(delivery?.steps[2]).toMatchObject({ upload: { fileName: "image001 (2).png" } });
    expect(deliveryStepLabel(delivery!.steps[2]!)).toBe("Upload the image image001 (2).png");

    // Exactly one comment: the converted email, its picture under the new name, with the marker.
    const comments = sup2(pane.sim).comments;
    expect(comments).toHaveLength(before + 1);
    const [comment] = markedComments(pane.sim);
    expect(comment?.id).toBe(delivery?.comment?.id);
    const markup = converted.get(pane) as string;
    expect(markup).toContain("It dropped *again* at 10:00.");
    expect(markup).toContain("*Subject:* RE: \\[SUP-2\\] VPN drops every hour"); // header block
    expect(markup).toContain("!image001.png!");
    expect(comment?.body).toBe(markup.replace("!image001.png!", "!image001 (2).png!"));
    expect(comment?.properties[COMMENT_PROPERTY_KEY]).toEqual({
      attemptId: delivery?.attemptId,
      messageId: "<vpn-7@contoso.example>",
    });

    expect(attachmentsOfSup2(pane.sim)).toEqual(
      [
        ["RE_ [SUP-2] VPN drops every hour.eml", sha256(EML)],
        ["image001 (2).png", sha256(PNG)],
        ["image001.png", sha256(EARLIER_PNG)],
        ["log.txt", sha256(LOG)],
      ].sort()
    );
    expect(sup2(pane.sim).remoteLinks).toEqual([
      expect.objectContaining({
        globalId: "outlook-message:vpn-7@contoso.example",
        object: expect.objectContaining({ title: "RE: [SUP-2] VPN drops every hour" }),
      }),
    ]);
    expect(sup2(pane.sim).properties[EMAIL_PROPERTY_KEY]).toEqual({
      formatVersion: 1,
      emails: [
        earlierReference,
        expect.objectContaining({
          messageId: "<vpn-7@contoso.example>",
          kind: "commented",
          attemptId: delivery?.attemptId,
        }),
      ],
    });

    // On the email, "Linked to SUP-2"; the conversation remembers SUP-2; the draft starts again.
    expect(await pane.emailLinks.read(message)).toEqual([
      expect.objectContaining({ issueKey: "SUP-2", kind: "commented" }),
    ]);
    expect(entry.linksRevision).toBe(1);
    expect(pane.destinations.issuesOfConversation(message)).toEqual(["SUP-2"]);
    expect(entry.draft).toMatchObject({
      issue: { key: "SUP-2" },
      commentState: "pending",
      confirmedRepeat: false,
      previousAttemptUncertain: false,
    });
    expect(entry.draft.attemptId).toBeUndefined();
  });

  it("a 502 after Jira stored the comment: exactly one comment, found by its marker", async () => {
    const pane = await openPane();
    pane.sim.control.failNext({ status: 502, when: "after", method: "POST", pathPrefix: COMMENTS });
    const entry = await addComment(pane);

    expect(entry.submission).toMatchObject({
      status: "delivered",
      delivery: { comment: { recovered: true } },
    });
    expect(markedComments(pane.sim)).toHaveLength(1);
    expect(pane.sim.control.state().faults).toEqual([]);
    expect(stepsOf(entry).every(([, status]) => status === "done")).toBe(true);
  });

  it("the answer and the look both lost: uncertain, and Try again finds the comment instead of adding another", async () => {
    const pane = await openPane();
    pane.sim.control.failNext({ status: 502, when: "after", method: "POST", pathPrefix: COMMENTS });
    // Reads retry 502s: every try of the look fails.
    pane.sim.control.failNext({ status: 502, count: 3, method: "GET", pathPrefix: COMMENTS });
    const failed = await addComment(pane);

    expect(failed.submission).toMatchObject({
      status: "failed",
      error: { code: "comment_uncertain" },
    });
    expect(failed.draft.previousAttemptUncertain).toBe(true);
    const attemptId = failed.draft.attemptId;
    expect(attemptId).toEqual(expect.any(String));
    expect(markedComments(pane.sim)).toHaveLength(1);
    expect(attachmentsOfSup2(pane.sim)).toEqual([]); // nothing after the comment ran

    // The user chooses OPS-1 meanwhile: the draft stays on SUP-2, where the retry must look.
    const [ops1] = await pane.pane.session.withJira((jira) =>
      lookUpIssues(jira, { keys: ["OPS-1"] })
    );
    expect(ops1?.key).toBe("OPS-1");
    pane.store.update(pane.item, { issue: ops1 });
    expect(pane.store.get(pane.item).draft.issue?.key).toBe("SUP-2");

    const retried = await send(pane);
    expect(retried.submission).toMatchObject({
      status: "delivered",
      delivery: { attemptId, comment: { recovered: true } },
    });
    expect(markedComments(pane.sim)).toHaveLength(1);
    const opsComments = simState(pane.sim).issues.find((issue) => issue.key === "OPS-1")?.comments;
    expect(opsComments?.filter((comment) => COMMENT_PROPERTY_KEY in comment.properties)).toEqual(
      []
    );
    expect(attachmentsOfSup2(pane.sim).map(([name]) => name)).toEqual([
      "RE_ [SUP-2] VPN drops every hour.eml",
      "image001.png",
      "log.txt",
    ]);
  });

  it("a step that fails is retried alone: the property merged once, no second comment nor upload", async () => {
    const pane = await openPane();
    pane.sim.control.failNext({
      status: 503,
      method: "PUT",
      pathPrefix: "/rest/api/2/issue/SUP-2/properties",
    });
    const entry = await addComment(pane);
    expect(stepsOf(entry)).toContainEqual(["issue-property", "failed"]);
    expect(stepsOf(entry).filter(([, status]) => status === "failed")).toHaveLength(1);

    pane.mailContent.reads.length = 0;
    expect(pane.store.retry(pane.item, message)).toBe(true);
    const retried = await settled(pane);
    expect(stepsOf(retried).every(([, status]) => status === "done")).toBe(true);
    expect(pane.mailContent.reads).toEqual([]);
    expect(markedComments(pane.sim)).toHaveLength(1);
    expect(attachmentsOfSup2(pane.sim)).toHaveLength(3);
    const property = sup2(pane.sim).properties[EMAIL_PROPERTY_KEY] as { emails: unknown[] };
    expect(property.emails).toEqual([expect.objectContaining({ kind: "commented" })]);
  });
});
