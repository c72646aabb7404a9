/** Which email a New issue draft belongs to (newIssueItemFor): one key per email, never shared. */
import type { MailMessage } from "../../../../src/mail/mail-message";
import { newIssueItemFor } from "../../../../src/ui/new-issue/new-issue-item";

const message = (fields: Partial<MailMessage>): MailMessage => ({
  itemId: "",
  subject: "Subject",
  from: null,
  to: [],
  cc: [],
  sentAt: null,
  internetMessageId: "",
  conversationId: "",
  attachments: [],
  ...fields,
});

describe("newIssueItemFor", () => {
  it("keys a draft by Outlook's item id, and keeps what a fresh draft starts from", () => {
    const from = { name: "Chris", address: "chris@contoso.example" };
    expect(
      newIssueItemFor(message({ itemId: "AAMkAD=", subject: "Hi", conversationId: "c1", from }))
    ).toEqual({
      key: "new-issue:AAMkAD=",
      persistent: true,
      subject: "Hi",
      conversationId: "c1",
      from,
    });
  });

  it("gives the same email read again the same key", () => {
    const read = () => message({ itemId: "item-1", internetMessageId: "<1@x>" });
    expect(newIssueItemFor(read()).key).toBe(newIssueItemFor(read()).key);
  });

  // Bug: Outlook's reader turns a missing itemId into "" (src/office/mail-item-reader.ts), and the
  // form and its draft were keyed by itemId alone: every such email shared the key "new-issue:",
  // so one email's draft, create and result showed on the other.
  it("tells emails without an item id apart by their Message-ID", () => {
    const first = newIssueItemFor(message({ internetMessageId: "<1@example>" }));
    const second = newIssueItemFor(message({ internetMessageId: "<2@example>" }));
    expect(first.key).not.toBe(second.key);
    expect(first).toMatchObject({ key: "new-issue:message-id:<1@example>", persistent: true });
  });

  it("keeps emails without any id apart, in memory only", () => {
    const one = message({ subject: "One" });
    const other = message({ subject: "Other" });
    const first = newIssueItemFor(one);
    expect(first.persistent).toBe(false);
    expect(newIssueItemFor(other).key).not.toBe(first.key);
    expect(newIssueItemFor(one).key).toBe(first.key);
  });
});
