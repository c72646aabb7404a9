/** Which email an "Add to issue" draft belongs to: the same identity as the New issue draft's. */
import { addToIssueItemFor } from "../../../../src/ui/add-to-issue/add-to-issue-item";
import { emailIdentityOf, newIssueItemFor } from "../../../../src/ui/new-issue/new-issue-item";
import { sampleMessage } from "../ui-fakes";

describe("addToIssueItemFor", () => {
  it("keys the draft by the email's item id, else its Message-ID, else in memory only", () => {
    const byId = sampleMessage({ itemId: "AAMkAD=" });
    expect(addToIssueItemFor(byId)).toMatchObject({
      key: "add-to-issue:AAMkAD=",
      persistent: true,
      subject: byId.subject,
      conversationId: byId.conversationId,
      from: byId.from,
    });
    const byMessageId = sampleMessage({ itemId: "", internetMessageId: "<1@example>" });
    expect(addToIssueItemFor(byMessageId).key).toBe("add-to-issue:message-id:<1@example>");

    const unidentified = sampleMessage({ itemId: "", internetMessageId: "" });
    const item = addToIssueItemFor(unidentified);
    expect(item.persistent).toBe(false);
    expect(addToIssueItemFor(unidentified).key).toBe(item.key);
    expect(addToIssueItemFor({ ...unidentified }).key).not.toBe(item.key);
  });

  it("shares the email's identity with the New issue draft", () => {
    for (const message of [
      sampleMessage(),
      sampleMessage({ itemId: "", internetMessageId: "<1@example>" }),
      sampleMessage({ itemId: "", internetMessageId: "" }),
    ]) {
      const { id } = emailIdentityOf(message);
      expect(addToIssueItemFor(message).key).toBe(`add-to-issue:${id}`);
      expect(newIssueItemFor(message).key).toBe(`new-issue:${id}`);
    }
  });
});
