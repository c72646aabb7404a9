/**
 * The pane's New issue drafts and description conversions per email (createNewIssueStore), with
 * Jira, Outlook and the converter faked. The pane is pinned: the user switches email and comes
 * back, and the form for an email is mounted again each time.
 */
import { isAwaitingConversion } from "../../../../src/ui/new-issue/description-conversion";
import { createDestinationMemory } from "../../../../src/ui/new-issue/destination-memory";
import { initialDraftFor } from "../../../../src/ui/new-issue/new-issue-draft";
import { newIssueItemFor } from "../../../../src/ui/new-issue/new-issue-item";
import { createNewIssueStore } from "../../../../src/ui/new-issue/new-issue-store";
import { settle } from "../../../support/deferred";
import { createMemorySettings } from "../../session/session-fakes";
import { memoryDrafts } from "../memory-drafts";
import {
  A,
  echoConverter,
  B,
  draftIn,
  fakeJira,
  fakeSession,
  messageA,
  messageB,
  setup,
  typedA,
} from "./store-fixture";
import { memoryEmailLinks, memoryMailContent, officeError } from "../ui-fakes";
import { storedValueOf } from "../../../../src/ui/new-issue/stored-entry";

describe("createNewIssueStore: drafts", () => {
  it("starts an email's draft from the DraftStore, else from its subject", () => {
    const { store } = setup();
    expect(store.get(A).draft).toEqual(typedA);
    expect(store.get(B).draft).toEqual(initialDraftFor(messageB));
    expect(store.get(A).submission).toEqual({ status: "idle" });
  });

  it("starts a fresh draft where this conversation's last issue went, saying why", async () => {
    const settings = createMemorySettings();
    await createDestinationMemory(settings).remember(messageB, {
      projectKey: "SUP",
      issueTypeId: "10100",
      issueKey: "SUP-12",
      attachEmail: true,
    });
    const store = createNewIssueStore({
      session: fakeSession(fakeJira().client),
      drafts: memoryDrafts(),
      mailContent: memoryMailContent(messageB),
      emailLinks: memoryEmailLinks(),
      destinations: createDestinationMemory(settings),
      locale: "en-US",
    });
    expect(store.get(B).draft).toMatchObject({
      projectKey: "SUP",
      issueTypeId: "10100",
      attachEmail: true,
      suggestion: { reason: "conversation", issueKey: "SUP-12" },
    });
  });

  it("returns the same entry until it changes (what useSyncExternalStore needs)", () => {
    const { store } = setup();
    const before = store.get(A);
    expect(store.get(A)).toBe(before);
    store.update(A, { summary: "Changed" });
    expect(store.get(A)).not.toBe(before);
    expect(store.get(A).draft.summary).toBe("Changed");
  });

  it("stores every change under the email's key and tells only that email's listeners", () => {
    const { store, drafts } = setup();
    const onA = jest.fn();
    const onB = jest.fn();
    store.subscribe(A.key, onA);
    const unsubscribeB = store.subscribe(B.key, onB);
    store.update(A, { description: "More detail" });
    expect(draftIn(drafts, A.key)).toEqual({ ...typedA, description: "More detail" });
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).not.toHaveBeenCalled();
    unsubscribeB();
    store.update(B, { summary: "x" });
    expect(onB).not.toHaveBeenCalled();
  });

  it("applies a change computed from the latest draft (two quick choices both count)", () => {
    const { store } = setup();
    store.update(A, (draft) => ({ attachmentChoices: { ...draft.attachmentChoices, a: false } }));
    store.update(A, (draft) => ({ attachmentChoices: { ...draft.attachmentChoices, b: true } }));
    expect(store.get(A).draft.attachmentChoices).toEqual({ a: false, b: true });
  });

  it("keeps the draft of an email without any id in memory only", () => {
    const { store, drafts } = setup({});
    const unsaved = newIssueItemFor({ ...messageA, itemId: "", internetMessageId: "" });
    store.update(unsaved, { summary: "typed" });
    expect(store.get(unsaved).draft.summary).toBe("typed");
    expect(drafts.map.size).toBe(0);
  });
});

describe("createNewIssueStore: what is stored", () => {
  it("stores nothing for an email only looked at, and the whole draft from the first change on", async () => {
    const { store, drafts } = setup({});
    store.convert(A, messageA, "if-pending");
    await settle();
    expect(store.get(A).draft.descriptionState).toBe("generated");
    expect(drafts.map.has(A.key)).toBe(false);

    store.update(A, { summary: "Printer jams" });
    expect(draftIn(drafts, A.key)).toMatchObject({
      summary: "Printer jams",
      description: "header=true cut=false\nHello",
    });
  });

  it("keeps storing a draft that was stored before, conversions included", async () => {
    const { store, drafts } = setup({
      [A.key]: storedValueOf({ ...typedA, descriptionState: "pending" }),
    });
    store.convert(A, messageA, "if-pending");
    await settle();
    expect(draftIn(drafts, A.key)).toMatchObject({
      summary: typedA.summary,
      description: "header=true cut=false\nHello",
    });
  });
});

describe("createNewIssueStore: the description", () => {
  it("converts a pending description once, with the chosen options", async () => {
    const { store } = setup({});
    store.convert(A, messageA, "if-pending");
    expect(store.get(A).conversion).toEqual({ status: "converting" });
    store.convert(A, messageA, "if-pending"); // a second render: nothing more
    await settle();
    expect(store.get(A).draft).toMatchObject({
      description: "header=true cut=false\nHello",
      descriptionState: "generated",
      generatedWith: { includeHeaderBlock: true, cutQuotedHistory: false },
    });
    expect(store.get(A).conversion).toEqual({ status: "idle" });
    store.convert(A, messageA, "if-pending");
    expect(store.get(A).conversion).toEqual({ status: "idle" });
  });

  it("converts again when an option changes, unless the user edited the text; Replace overrides", async () => {
    const { store } = setup({});
    store.convert(A, messageA, "if-pending");
    await settle();
    store.update(A, { descriptionOptions: { includeHeaderBlock: false, cutQuotedHistory: true } });
    store.convert(A, messageA, "options");
    await settle();
    expect(store.get(A).draft.description).toBe("header=false cut=true\nHello");

    store.update(A, { description: "My own words", descriptionState: "edited" });
    store.update(A, { descriptionOptions: { includeHeaderBlock: true, cutQuotedHistory: true } });
    store.convert(A, messageA, "options");
    await settle();
    expect(store.get(A).draft.description).toBe("My own words");

    store.convert(A, messageA, "replace");
    await settle();
    expect(store.get(A).draft).toMatchObject({
      description: "header=true cut=true\nHello",
      descriptionState: "generated",
    });
  });

  it("lets only the newest of two conversions land", async () => {
    const { store } = setup({});
    store.convert(A, messageA, "if-pending");
    store.update(A, { descriptionOptions: { includeHeaderBlock: false, cutQuotedHistory: false } });
    store.convert(A, messageA, "options");
    await settle();
    expect(store.get(A).draft.description).toBe("header=false cut=false\nHello");
  });

  it("keeps a description Outlook gave no body for pending, and converts it when the email shows again", async () => {
    const { store, mailContent, drafts, warnings } = setup({});
    store.update(A, { summary: "Typed before the switch" });
    // The user selected another email while the body was being read.
    mailContent.failNext("body", officeError(9030, "Another email is selected now."));
    store.convert(A, messageA, "if-pending");
    await settle();
    expect(store.get(A).draft).toMatchObject({ description: "", descriptionState: "pending" });
    expect(store.get(A).conversion).toEqual({
      status: "failed",
      problem:
        "Outlook didn't give the email's text (Another email is selected now., error 9030). " +
        "Write the description yourself, or open the email again and choose Convert again.",
    });
    expect(warnings).toHaveLength(1);
    // Meanwhile the description is the user's to write, and Create is not held back by it.
    expect(isAwaitingConversion("pending", store.get(A).conversion)).toBe(false);
    // Stored as never converted: a reload converts it too, rather than keeping it empty for good.
    expect(draftIn(drafts, A.key)).toMatchObject({
      summary: "Typed before the switch",
      descriptionState: "pending",
    });

    // The email is shown again: its form converts it.
    store.convert(A, messageA, "if-pending");
    await settle();
    expect(store.get(A).draft).toMatchObject({
      summary: "Typed before the switch",
      description: "header=true cut=false\nHello",
      descriptionState: "generated",
    });
    expect(store.get(A).conversion).toEqual({ status: "idle" });
  });

  it("leaves a converted or edited description as it was when a conversion fails", async () => {
    const { store, mailContent } = setup({});
    store.convert(A, messageA, "if-pending");
    await settle();
    const converted = store.get(A).draft;
    store.update(A, { descriptionOptions: { includeHeaderBlock: false, cutQuotedHistory: true } });
    mailContent.failNext("body", officeError(9030, "Another email is selected now."));
    store.convert(A, messageA, "options");
    await settle();
    expect(store.get(A).draft).toMatchObject({
      description: converted.description,
      descriptionState: "generated",
      generatedWith: converted.generatedWith,
    });
    expect(store.get(A).conversion.status).toBe("failed");
  });

  it("says so when the converter can't be loaded, and the next conversion tries again", async () => {
    let loads = 0;
    const { store } = setup(
      {},
      {
        loadConverter: async () => {
          loads += 1;
          if (loads === 1) throw new Error("Loading chunk email-converter failed.");
          return echoConverter;
        },
      }
    );
    store.convert(A, messageA, "if-pending");
    await settle();
    expect(store.get(A).conversion).toEqual({
      status: "failed",
      problem:
        "The email couldn't be turned into a description (Loading chunk email-converter failed.). " +
        "Write it yourself, or choose Convert again.",
    });
    store.convert(A, messageA, "replace");
    await settle();
    expect(store.get(A).draft.description).toBe("header=true cut=false\nHello");
    expect(store.get(A).conversion).toEqual({ status: "idle" });
  });
});
