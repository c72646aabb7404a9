/**
 * Where issues went (createDestinationMemory) over roaming settings in memory, with Office's
 * set/save split: suggestions by conversation, then sender, then last used; a conversation's last
 * few issues (creates and comments); bounded well under 4 KB; hashes instead of conversation ids
 * and addresses; failed saves ignored but logged; values stored by earlier versions still read.
 */
import {
  DESTINATIONS_SETTING,
  MAX_ISSUES_PER_CONVERSATION,
  MAX_REMEMBERED,
  MAX_SETTING_CHARS,
  createDestinationMemory,
  parseDestinations,
} from "../../../../src/ui/new-issue/destination-memory";
import { createMemorySettings } from "../../session/session-fakes";

const chris = { name: "Chris Young", address: "Chris@Contoso.example" };
const email = (conversationId: string, address = "someone@example.com") => ({
  conversationId,
  from: { name: address, address },
});

function setup(initial: Record<string, unknown> = {}) {
  const settings = createMemorySettings(initial);
  const warnings: Array<[string, unknown]> = [];
  const memory = createDestinationMemory(settings, {
    warn: (message, error) => warnings.push([message, error]),
  });
  return { settings, memory, warnings };
}

describe("createDestinationMemory", () => {
  it("suggests nothing at first, and the .eml choice is off", () => {
    const { memory } = setup();
    expect(memory.suggest(email("conv-1"))).toBeUndefined();
    expect(memory.lastAttachEmail()).toBe(false);
  });

  it("suggests this conversation's destination first, then this sender's, then the last used", async () => {
    const { memory } = setup();
    await memory.remember(
      { conversationId: "conv-1", from: chris },
      { projectKey: "SUP", issueTypeId: "3", issueKey: "SUP-12", attachEmail: true }
    );
    await memory.remember(email("conv-2", "dana@example.com"), {
      projectKey: "OPS",
      issueTypeId: "1",
      issueKey: "OPS-4",
      attachEmail: false,
    });

    expect(memory.suggest({ conversationId: "conv-1", from: null })).toEqual({
      reason: "conversation",
      projectKey: "SUP",
      issueTypeId: "3",
      issueKey: "SUP-12",
    });
    // Another conversation from Chris (the address compared without case).
    expect(
      memory.suggest({
        conversationId: "conv-9",
        from: { name: "C", address: "chris@contoso.EXAMPLE" },
      })
    ).toEqual({ reason: "sender", projectKey: "SUP", issueTypeId: "3", issueKey: "SUP-12" });
    expect(memory.suggest(email("conv-10", "new@example.com"))).toEqual({
      reason: "last-used",
      projectKey: "OPS",
      issueTypeId: "1",
    });
    expect(memory.lastAttachEmail()).toBe(false);
  });

  it("keeps neither conversation ids nor addresses in the mailbox's settings, only hashes", async () => {
    const { memory, settings } = setup();
    await memory.remember(
      { conversationId: "AAQkADAwATM0MDAAMS1hY2Q2LTk5MDkALQAQAL0nG0Sa", from: chris },
      { projectKey: "SUP", issueTypeId: "3", issueKey: "SUP-12", attachEmail: false }
    );
    const saved = JSON.stringify(settings.persisted[DESTINATIONS_SETTING]);
    expect(saved).not.toContain("AAQkAD");
    expect(saved.toLowerCase()).not.toContain("contoso");
    expect(settings.persisted[DESTINATIONS_SETTING]).toMatchObject({
      formatVersion: 1,
      last: { projectKey: "SUP", issueTypeId: "3", attachEmail: false },
    });
  });

  it(`keeps the last ${MAX_REMEMBERED} conversations and senders, most recent first, under 4 KB`, async () => {
    const { memory, settings } = setup();
    for (let i = 1; i <= 45; i++) {
      await memory.remember(
        email(`conversation-with-a-long-exchange-id-${i}`, `sender-${i}@example.com`),
        {
          projectKey: "CUSTOMERSUPPORT",
          issueTypeId: "10100",
          issueKey: `CUSTOMERSUPPORT-${1000 + i}`,
          attachEmail: true,
        }
      );
    }
    const stored = parseDestinations(settings.persisted[DESTINATIONS_SETTING]);
    expect(stored.conversations.length + stored.senders.length).toBeLessThanOrEqual(
      2 * MAX_REMEMBERED
    );
    expect(JSON.stringify(settings.persisted[DESTINATIONS_SETTING]).length).toBeLessThan(4096);
    expect(memory.suggest(email("conversation-with-a-long-exchange-id-45"))).toMatchObject({
      reason: "conversation",
      issueKey: "CUSTOMERSUPPORT-1045",
    });
    expect(memory.suggest(email("conversation-with-a-long-exchange-id-1"))).toMatchObject({
      reason: "last-used",
    });
  });

  it("moves a conversation used again to the front instead of keeping it twice", async () => {
    const { memory, settings } = setup();
    const destination = { projectKey: "SUP", issueTypeId: "3", attachEmail: false };
    await memory.remember(email("conv-1"), { ...destination, issueKey: "SUP-1" });
    await memory.remember(email("conv-2"), { ...destination, issueKey: "SUP-2" });
    await memory.remember(email("conv-1"), { ...destination, issueKey: "SUP-3" });
    const stored = parseDestinations(settings.persisted[DESTINATIONS_SETTING]);
    expect(stored.conversations.map((entry) => entry[3])).toEqual(["SUP-3", "SUP-2"]);
  });

  it("ignores a failed save (it is a convenience) but logs it", async () => {
    const { memory, settings, warnings } = setup();
    const full = Object.assign(new Error("Settings are full"), { code: 9057 });
    settings.failNextSaves(full);
    await expect(
      memory.remember(email("conv-1"), {
        projectKey: "SUP",
        issueTypeId: "3",
        issueKey: "SUP-1",
        attachEmail: false,
      })
    ).resolves.toBeUndefined();
    expect(warnings).toEqual([[expect.stringContaining("could not be remembered"), full]]);
  });

  it.each([
    42,
    "x",
    { formatVersion: 2 },
    { formatVersion: 1, conversations: [[1, 2]], senders: "no" },
  ])("starts empty from a stored value it doesn't know (%p)", (value) => {
    const { memory } = setup({ [DESTINATIONS_SETTING]: value });
    expect(memory.suggest(email("conv-1"))).toBeUndefined();
  });

  it("starts empty from a stored value it doesn't know, without failing later saves", async () => {
    const { memory, settings } = setup({ [DESTINATIONS_SETTING]: { formatVersion: 2 } });
    expect(memory.issuesOfConversation(email("conv-1"))).toEqual([]);
    await memory.rememberComment(email("conv-1"), sup("SUP-2"));
    expect(parseDestinations(settings.persisted[DESTINATIONS_SETTING]).conversations).toHaveLength(
      1
    );
  });
});

const sup = (issueKey: string) => ({ projectKey: "SUP", issueTypeId: "3", issueKey });

describe("createDestinationMemory: the issues of a conversation", () => {
  it("knows no issues of a conversation at first, nor of an email without a conversation", async () => {
    const { memory } = setup();
    expect(memory.issuesOfConversation(email("conv-1"))).toEqual([]);
    await memory.rememberComment({ conversationId: "", from: chris }, sup("SUP-2"));
    expect(memory.issuesOfConversation({ conversationId: "" })).toEqual([]);
  });

  it(`keeps the last ${MAX_ISSUES_PER_CONVERSATION} issues of a conversation, newest first, by create and comment`, async () => {
    const { memory } = setup();
    await memory.remember(email("conv-1"), { ...sup("SUP-1"), attachEmail: false });
    await memory.rememberComment(email("conv-1"), sup("SUP-2"));
    expect(memory.issuesOfConversation({ conversationId: "conv-1" })).toEqual(["SUP-2", "SUP-1"]);

    await memory.rememberComment(email("conv-1"), {
      projectKey: "OPS",
      issueTypeId: "1",
      issueKey: "OPS-7",
    });
    await memory.rememberComment(email("conv-1"), sup("SUP-1"));
    expect(memory.issuesOfConversation(email("conv-1"))).toEqual(["SUP-1", "OPS-7", "SUP-2"]);

    await memory.remember(email("conv-1"), { ...sup("SUP-9"), attachEmail: false });
    expect(memory.issuesOfConversation(email("conv-1"))).toEqual(["SUP-9", "SUP-1", "OPS-7"]);
    expect(memory.issuesOfConversation(email("conv-2"))).toEqual([]);
  });

  it("suggests a commented issue's project for the conversation and sender, but keeps the last create", async () => {
    const { memory } = setup();
    await memory.remember(email("conv-1", "dana@example.com"), {
      projectKey: "OPS",
      issueTypeId: "1",
      issueKey: "OPS-4",
      attachEmail: true,
    });
    await memory.rememberComment({ conversationId: "conv-2", from: chris }, sup("SUP-2"));

    expect(memory.suggest({ conversationId: "conv-2", from: null })).toEqual({
      reason: "conversation",
      projectKey: "SUP",
      issueTypeId: "3",
      issueKey: "SUP-2",
    });
    expect(memory.suggest({ conversationId: "conv-9", from: chris })).toMatchObject({
      reason: "sender",
      issueKey: "SUP-2",
    });
    expect(memory.suggest(email("conv-10", "new@example.com"))).toEqual({
      reason: "last-used",
      projectKey: "OPS",
      issueTypeId: "1",
    });
    expect(memory.lastAttachEmail()).toBe(true);
  });

  it("reads a value stored by the earlier version (one issue per conversation) without losing it", async () => {
    // As the earlier version wrote it: conversations conv-2 then conv-1, senders dana then Chris.
    const { memory, settings } = setup({
      [DESTINATIONS_SETTING]: {
        formatVersion: 1,
        last: { projectKey: "OPS", issueTypeId: "1", attachEmail: false },
        conversations: [
          ["521ea899c04abeb1", "OPS", "1", "OPS-4"],
          ["521ea599c04ab998", "SUP", "3", "SUP-12"],
        ],
        senders: [
          ["29ac311c3ece9ac7", "OPS", "1", "OPS-4"],
          ["b87b87f5fafb454c", "SUP", "3", "SUP-12"],
        ],
      },
    });
    expect(memory.issuesOfConversation(email("conv-1"))).toEqual(["SUP-12"]);
    expect(memory.issuesOfConversation(email("conv-2"))).toEqual(["OPS-4"]);
    expect(memory.suggest({ conversationId: "conv-9", from: chris })).toMatchObject({
      reason: "sender",
      issueKey: "SUP-12",
    });

    await memory.rememberComment(email("conv-1"), sup("SUP-2"));
    expect(memory.issuesOfConversation(email("conv-1"))).toEqual(["SUP-2", "SUP-12"]);
    expect(memory.issuesOfConversation(email("conv-2"))).toEqual(["OPS-4"]);
    expect(memory.suggest(email("conv-10", "new@example.com"))).toEqual({
      reason: "last-used",
      projectKey: "OPS",
      issueTypeId: "1",
    });
    expect(parseDestinations(settings.persisted[DESTINATIONS_SETTING]).senders).toHaveLength(3);
  });

  it("cuts stored entries with more keys than it keeps, and skips damaged ones", () => {
    expect(
      parseDestinations({
        formatVersion: 1,
        conversations: [
          ["damaged", "SUP", "3"],
          ["h", "SUP", "3", "SUP-1", "SUP-2", "SUP-3", "SUP-4", "SUP-5"],
          ["also damaged", "SUP", "3", 4],
          "not an entry",
        ],
        senders: [["s", "SUP", "3", "SUP-1", "SUP-2"]],
      })
    ).toEqual({
      formatVersion: 1,
      conversations: [["h", "SUP", "3", "SUP-1", "SUP-2", "SUP-3"]],
      senders: [["s", "SUP", "3", "SUP-1"]],
    });
  });

  it(`stays under ${MAX_SETTING_CHARS} characters with full conversations of long keys`, async () => {
    const { memory, settings } = setup();
    const long = (i: number) => ({
      projectKey: "CUSTOMERSUPPORT",
      issueTypeId: "10100",
      issueKey: `CUSTOMERSUPPORT-${100000 + i}`,
    });
    for (let i = 1; i <= 45; i++) {
      const message = email(`conversation-with-a-long-exchange-id-${i}`, `sender-${i}@example.com`);
      await memory.remember(message, { ...long(i), attachEmail: true });
      await memory.rememberComment(message, long(1000 + i));
      await memory.rememberComment(message, long(2000 + i));
      expect(JSON.stringify(settings.persisted[DESTINATIONS_SETTING]).length).toBeLessThanOrEqual(
        MAX_SETTING_CHARS
      );
    }
    expect(memory.issuesOfConversation(email("conversation-with-a-long-exchange-id-45"))).toEqual([
      "CUSTOMERSUPPORT-102045",
      "CUSTOMERSUPPORT-101045",
      "CUSTOMERSUPPORT-100045",
    ]);
    const stored = parseDestinations(settings.persisted[DESTINATIONS_SETTING]);
    // Bounded by dropping the oldest whole entries, a good number still kept.
    expect(stored.conversations.length).toBeGreaterThanOrEqual(15);
    expect(memory.issuesOfConversation(email("conversation-with-a-long-exchange-id-1"))).toEqual(
      []
    );
  });

  it("ignores a failed save of a comment (it is a convenience) but logs it", async () => {
    const { memory, settings, warnings } = setup();
    const full = Object.assign(new Error("Settings are full"), { code: 9057 });
    settings.failNextSaves(full);
    await expect(memory.rememberComment(email("conv-1"), sup("SUP-2"))).resolves.toBeUndefined();
    expect(warnings).toEqual([[expect.stringContaining("could not be remembered"), full]]);
  });
});
