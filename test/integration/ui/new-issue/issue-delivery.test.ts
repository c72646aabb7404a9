/**
 * Creating an issue from an email, end to end below the React views: the pane's New issue store
 * with the real session (signed in through the simulator's OAuth dance), the real Jira client over
 * HTTP on 127.0.0.1, the real converter, and Outlook's part in memory (the email's body, files and
 * item properties). The simulator's own state is the judge: the issue with its required custom
 * field, attachments byte-identical to the email's (sha256), the remote link and the property;
 * exactly one issue after a 502 that came once Jira had stored it; a failed upload retried alone.
 */
import { createHash, randomBytes } from "node:crypto";
import domino from "@mixmark-io/domino";
import type { RunningJiraSimulator } from "../../../../src/simulator/create-jira-simulator";
import { EMAIL_PROPERTY_KEY } from "../../../../src/jira/email-reference";
import { createEmailConverter } from "../../../../src/mail/email-converter";
import type { MailMessage } from "../../../../src/mail/mail-message";
import { prepareCreate } from "../../../../src/ui/new-issue/create-request";
import { createDestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import { createScreenOf } from "../../../../src/ui/field-editing/field-kinds";
import { newIssueItemFor } from "../../../../src/ui/new-issue/new-issue-item";
import type { NewIssueItem } from "../../../../src/ui/new-issue/new-issue-item";
import { createNewIssueStore } from "../../../../src/ui/new-issue/new-issue-store";
import type { NewIssueEntry, NewIssueStore } from "../../../../src/ui/new-issue/new-issue-store";
import type { DraftStore } from "../../../../src/ui/ports";
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

const LOG = Buffer.from("2026-12-04 09:00:01 printer 3: paper jam in tray 2\n".repeat(200));
const PHOTO = randomBytes(150_000);
const PNG = randomBytes(2_000);
const EML =
  "From: chris@contoso.example\r\nSubject: RE: Printer jams on every job\r\n\r\nHello\r\n";
const ICON = "https://addin.example.com/icon-16.png";

const message: MailMessage = sampleMessage({
  attachments: [
    file("att-1", "log.txt", "text/plain", LOG.length),
    file("att-2", "photo.jpg", "image/jpeg", PHOTO.length),
    {
      ...file("att-3", "image001.png", "image/png", PNG.length),
      isInline: true,
      contentId: "image001.png@01DA",
    },
  ],
});
const body = {
  html:
    '<html><body><p class="MsoNormal">The printer jams on <b>every</b> job.</p>' +
    '<p><img src="cid:image001.png@01DA" width="200"></p></body></html>',
  text: "The printer jams on every job.",
};

const sha256 = (content: Buffer | string) => createHash("sha256").update(content).digest("hex");

interface Pane {
  sim: RunningJiraSimulator;
  pane: TestPane;
  store: NewIssueStore;
  item: NewIssueItem;
  mailContent: MemoryMailContent;
  emailLinks: MemoryEmailLinks;
  drafts: DraftStore;
}

/** A signed-in pane showing `message`, with its New issue store. */
async function openPane(
  existing?: Pick<Pane, "sim" | "pane" | "drafts" | "emailLinks">
): Promise<Pane> {
  const sim = existing?.sim ?? (await startSimulator());
  let pane = existing?.pane;
  if (!pane) {
    pane = await startPane(sim);
    await pane.session.signIn();
  }
  const mailContent = memoryMailContent(message, {
    body,
    contents: { "att-1": LOG, "att-2": PHOTO, "att-3": PNG },
    eml: EML,
  });
  const emailLinks = existing?.emailLinks ?? memoryEmailLinks();
  const drafts = existing?.drafts ?? memoryDrafts();
  const store = createNewIssueStore({
    session: pane.session,
    drafts,
    mailContent,
    emailLinks,
    destinations: createDestinationMemory(pane.settings),
    locale: "en-US",
    linkIconUrl: ICON,
    loadConverter: async () =>
      createEmailConverter({ parseHtml: (html) => domino.createDocument(html) }),
  });
  return { sim, pane, store, item: newIssueItemFor(message), mailContent, emailLinks, drafts };
}

/**
 * What the form does: the description converted, SUP / Service Request with its required
 * Customer Impact chosen, the .eml checked, and Create with the request prepareCreate makes.
 */
async function createIssue(pane: Pane): Promise<NewIssueEntry> {
  const { store, item, pane: testPane } = pane;
  store.convert(item, message, "if-pending");
  await entryWhen(pane, (entry) => entry.draft.descriptionState === "generated");
  const fields = await testPane.session.withJira((jira) => jira.createMetaFields("SUP", "10100"));
  const meta = await testPane.session.withJira((jira) => jira.attachmentMeta());
  const impact = fields.find((field) => field.name === "Customer Impact");
  const highId = impact?.allowedValues?.[0]?.id as string;
  store.update(item, {
    projectKey: "SUP",
    issueTypeId: "10100",
    fieldValues: { [impact?.fieldId as string]: { type: "ids", ids: [highId] } },
    attachEmail: true,
  });
  const prepared = prepareCreate(store.get(item).draft, {
    message,
    jiraBaseUrl: pane.sim.settings.baseUrl,
    screen: createScreenOf(fields),
    policy: { capabilities: pane.mailContent.capabilities, jira: meta },
  });
  if (!prepared.ok) throw new Error(`Create refused: ${JSON.stringify(prepared.problems)}`);
  expect(store.create(item, message, prepared.request)).toBe(true);
  return settled(pane);
}

interface StoredIssue {
  id: string;
  key: string;
  values: Record<string, unknown>;
  properties: Record<string, unknown>;
  remoteLinks: Array<{
    globalId?: string;
    object: { title: string; icon?: { url16x16?: string } };
  }>;
}
interface StoredAttachment {
  issueKey: string | null;
  filename: string;
  sha256: string;
}

function simState(sim: RunningJiraSimulator) {
  return sim.control.state().data as { issues: StoredIssue[]; attachments: StoredAttachment[] };
}
const issuesWithSummary = (sim: RunningJiraSimulator, summary: string) =>
  simState(sim).issues.filter((issue) => issue.values.summary === summary);
const attachmentsOf = (sim: RunningJiraSimulator, key: string) =>
  simState(sim)
    .attachments.filter((attachment) => attachment.issueKey === key)
    .map((attachment) => [attachment.filename, attachment.sha256])
    .sort();

const expectedFiles = [
  ["RE_ Printer jams on every job.eml", sha256(EML)],
  ["image001.png", sha256(PNG)],
  ["log.txt", sha256(LOG)],
  ["photo.jpg", sha256(PHOTO)],
].sort();

describe("creating an issue from an email", () => {
  it("creates the issue with its required field, the files byte for byte, the link and the property", async () => {
    const pane = await openPane();
    const entry = await createIssue(pane);

    expect(entry.submission.status).toBe("delivered");
    const delivery = "delivery" in entry.submission ? entry.submission.delivery : undefined;
    const key = delivery?.issue?.key as string;
    expect(delivery?.steps.map((step) => [step.kind, step.status])).toEqual([
      ["create", "done"],
      ["upload", "done"],
      ["upload", "done"],
      ["upload", "done"],
      ["upload", "done"],
      ["remote-link", "done"],
      ["email-link", "done"],
    ]);

    const [issue, ...others] = issuesWithSummary(pane.sim, "Printer jams on every job");
    expect(others).toEqual([]);
    expect(issue?.key).toBe(key);
    expect(issue?.values.customfield_10100).toBeTruthy();
    expect(issue?.values.description).toEqual(expect.stringContaining("*every*"));
    expect(issue?.values.description).toEqual(expect.stringContaining("!image001.png"));
    expect(attachmentsOf(pane.sim, key)).toEqual(expectedFiles);
    expect(issue?.remoteLinks).toEqual([
      expect.objectContaining({
        globalId: "outlook-message:printer-1@contoso.example",
        object: expect.objectContaining({
          title: "RE: Printer jams on every job",
          icon: expect.objectContaining({ url16x16: ICON }),
        }),
      }),
    ]);
    expect(issue?.properties[EMAIL_PROPERTY_KEY]).toEqual({
      formatVersion: 1,
      emails: [
        expect.objectContaining({
          messageId: "<printer-1@contoso.example>",
          conversationId: "conv-1",
          sender: { name: "Chris Young", address: "chris@contoso.example" },
          subject: "RE: Printer jams on every job",
          kind: "created",
          attemptId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        }),
      ],
    });

    // On the email: "Linked to SUP-n" next time; and the next email of the conversation starts there.
    expect(await pane.emailLinks.read(message)).toEqual([
      expect.objectContaining({
        issueKey: key,
        jiraBaseUrl: pane.sim.settings.baseUrl,
        kind: "created",
      }),
    ]);
    expect(entry.linksRevision).toBe(1);
    const next = createDestinationMemory(pane.pane.settings).suggest({
      conversationId: "conv-1",
      from: null,
    });
    expect(next).toEqual({
      reason: "conversation",
      projectKey: "SUP",
      issueTypeId: "10100",
      issueKey: key,
    });
    expect(entry.draft).toMatchObject({
      projectKey: "SUP",
      issueTypeId: "10100",
      descriptionState: "pending",
    });
  });

  it("a 502 after Jira stored the issue: exactly one issue, found by its marker, and every step done", async () => {
    const pane = await openPane();
    pane.sim.control.failNext({
      status: 502,
      when: "after",
      method: "POST",
      pathPrefix: "/rest/api/2/issue",
    });
    const entry = await createIssue(pane);

    const issues = issuesWithSummary(pane.sim, "Printer jams on every job");
    expect(issues).toHaveLength(1);
    expect(entry.submission).toMatchObject({
      status: "delivered",
      delivery: { issue: { key: issues[0]?.key, recovered: true } },
    });
    expect(pane.sim.control.state().faults).toEqual([]);
    expect(attachmentsOf(pane.sim, issues[0]?.key as string)).toEqual(expectedFiles);
  });

  it("an upload that fails: the other steps done, that one failed, and Retry uploads only it (after a reload)", async () => {
    const first = await openPane();
    const supNumbers = simState(first.sim)
      .issues.map((issue) => /^SUP-(\d+)$/.exec(issue.key)?.[1])
      .filter((number): number is string => number !== undefined)
      .map(Number);
    const nextKey = `SUP-${Math.max(...supNumbers) + 1}`;
    // The first upload (log.txt) is refused by a gateway before Jira sees it.
    first.sim.control.failNext({
      status: 503,
      method: "POST",
      pathPrefix: `/rest/api/2/issue/${nextKey}/attachments`,
    });
    const entry = await createIssue(first);
    expect(entry.submission).toMatchObject({
      status: "delivered",
      delivery: { issue: { key: nextKey } },
    });
    const steps = "delivery" in entry.submission ? entry.submission.delivery.steps : [];
    expect(steps.map((step) => [step.kind, step.status])).toEqual([
      ["create", "done"],
      ["upload", "failed"],
      ["upload", "done"],
      ["upload", "done"],
      ["upload", "done"],
      ["remote-link", "done"],
      ["email-link", "done"],
    ]);
    expect(steps[1]).toMatchObject({ uncertain: true, problem: { code: "upload_uncertain" } });
    expect(attachmentsOf(first.sim, nextKey).map(([name]) => name)).not.toContain("log.txt");

    // The pane is closed and opened again on another email: the retry can't read the file.
    const reloaded = await openPane(first);
    expect(reloaded.store.get(reloaded.item).submission.status).toBe("delivered");
    reloaded.mailContent.current = sampleMessage({ itemId: "item-other" });
    expect(reloaded.store.retry(reloaded.item, message)).toBe(true);
    const refused = await settled(reloaded);
    expect("delivery" in refused.submission && refused.submission.delivery.steps[1]).toMatchObject({
      status: "failed",
      problem: {
        message: "Outlook can only read the email that is open. Open the email again to retry.",
      },
    });

    // The email is open again: Retry uploads that one file, nothing else is sent twice.
    reloaded.mailContent.current = message;
    reloaded.mailContent.reads.length = 0;
    expect(reloaded.store.retry(reloaded.item, message)).toBe(true);
    const retried = await settled(reloaded);
    expect(
      "delivery" in retried.submission &&
        retried.submission.delivery.steps.every((s) => s.status === "done")
    ).toBe(true);
    expect(reloaded.mailContent.reads).toEqual(["attachment att-1"]);
    expect(attachmentsOf(first.sim, nextKey)).toEqual(expectedFiles);
    expect(issuesWithSummary(first.sim, "Printer jams on every job")).toHaveLength(1);
    const [issue] = issuesWithSummary(first.sim, "Printer jams on every job");
    expect(issue?.remoteLinks).toHaveLength(1);
  });
});
