/**
 * Roaming settings going wrong, with the real pieces: the pane's session and its Office adapter
 * (src/office/roaming-settings-storage.ts) over the preview's stand-in for Outlook's settings (one
 * store, like the preview's localStorage, shared with the drafts), against the real simulator:
 * saveAsync failing, settings near Outlook's 32 KB, and two Outlook clients saving at once.
 * No draft is touched by any of it; a lost sign-in costs a new sign-in, nothing more.
 */
import { createRoamingSettingsStorage } from "../../../src/office/roaming-settings-storage";
import {
  ROAMING_SETTINGS_STORAGE_KEY,
  createRoamingSettings,
} from "../../../src/preview/office-standin/roaming-settings";
import type { SettingsStorage } from "../../../src/session/session-ports";
import { tokenSettingName } from "../../../src/session/token-store";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { createLocalStorageDrafts } from "../../../src/taskpane/local-storage-drafts";
import {
  DESTINATIONS_SETTING,
  createDestinationMemory,
} from "../../../src/ui/new-issue/destination-memory";
import { installOfficeEnums, removeOfficeGlobal } from "../../support/fake-office-global";
import { MemoryWebStorage } from "../../support/memory-web-storage";
import { CONSUMER_KEY } from "../../unit/session/session-fakes";
import { noticeOf, setUpFaultKit } from "./fault-kit";
import type { FaultPane } from "./fault-kit";

jest.setTimeout(30_000);

const kit = setUpFaultKit();

// officeCall reads Office.AsyncResultStatus; each client's settings object is handed in.
beforeEach(() => installOfficeEnums());
afterEach(removeOfficeGlobal);

const DRAFT_KEY = "new-issue:AAMkAGI2TG93AAA=";
const DRAFT = { summary: "Printer jams", description: "Typed before anything went wrong." };

/** One Outlook client of the mailbox: Outlook's settings object, loaded now, and the pane's adapter over it. */
function outlookClient(mailbox: MemoryWebStorage): SettingsStorage {
  const roamingSettings = createRoamingSettings({
    storage: mailbox,
    schedule: (task) => setTimeout(task, 0),
  });
  return createRoamingSettingsStorage({
    roamingSettings: () => roamingSettings as unknown as Office.RoamingSettings,
  });
}

/** What the mailbox holds now (what the next client to start will load). */
function saved(mailbox: MemoryWebStorage): Record<string, unknown> {
  return JSON.parse(mailbox.getItem(ROAMING_SETTINGS_STORAGE_KEY) ?? "{}") as Record<
    string,
    unknown
  >;
}

function tokenName(sim: RunningJiraSimulator): string {
  return tokenSettingName(sim.settings.baseUrl, CONSUMER_KEY);
}

/** A typed draft in the same storage, as the pane keeps it (localStorage). */
function withDraft(mailbox: MemoryWebStorage): () => unknown {
  createLocalStorageDrafts(mailbox).save(DRAFT_KEY, DRAFT);
  return () => createLocalStorageDrafts(mailbox).load(DRAFT_KEY);
}

const EMAIL = {
  conversationId: "AAQkAGI2-conversation",
  from: { name: "Ann", address: "ann@example.com" },
};

/** The destination the web client remembers for {@link EMAIL}. */
const SUP_1_DESTINATION = {
  projectKey: "SUP",
  issueTypeId: "3",
  issueKey: "SUP-1",
  attachEmail: false,
};

/** Who Jira says is signed in on `pane`: a call that works only with a valid token. */
function myselfOn(pane: FaultPane) {
  return pane.session.withJira((jira) => jira.myself());
}

describe("saveAsync failing", () => {
  it("after a sign-in: signed in for this session, told so with Try again, which saves it once Outlook can", async () => {
    const sim = await kit.startSimulator();
    const mailbox = new MemoryWebStorage();
    const draft = withDraft(mailbox);
    const settings = outlookClient(mailbox);
    const pane = await kit.startPane(sim, { settings });

    mailbox.failWrites = true; // Outlook can't write the settings (the stand-in answers 9019).
    await pane.session.signIn();

    const state = pane.session.getState();
    expect(state).toMatchObject({
      status: "signed_in",
      notice: { code: "token_not_saved", canRetrySave: true },
    });
    expect(noticeOf(state).message).toMatch(
      /You are signed in, but Outlook could not save the sign-in to your mailbox \(The settings couldn't be saved, error 9019\)\. It works until the add-in closes/
    );
    await expect(pane.session.withJira((jira) => jira.projects())).resolves.not.toEqual([]);
    expect(saved(mailbox)).toEqual({});

    mailbox.failWrites = false;
    await pane.session.retrySave();
    expect(pane.session.getState()).not.toHaveProperty("notice");
    expect(saved(mailbox)[tokenName(sim)]).toMatchObject({ user: { name: "jane" } });
    expect(draft()).toEqual(DRAFT);
  });

  it("after a sign-out: signed out here, told the mailbox may still hold it, with the way to revoke it", async () => {
    const sim = await kit.startSimulator();
    const mailbox = new MemoryWebStorage();
    const draft = withDraft(mailbox);
    const pane = await kit.startPane(sim, { settings: outlookClient(mailbox) });
    await pane.session.signIn();

    mailbox.failWrites = true;
    await pane.session.signOut();

    expect(pane.session.getState()).toMatchObject({
      status: "signed_out",
      notice: {
        code: "sign_out_not_saved",
        canRetrySave: true,
        link: { label: "Revoke the token in Jira" },
      },
    });
    expect(saved(mailbox)[tokenName(sim)]).toBeDefined();
    mailbox.failWrites = false;
    expect(draft()).toEqual(DRAFT);
  });
});

describe("settings near Outlook's 32 KB", () => {
  it("drops the destination memory to keep the sign-in, before Outlook is asked", async () => {
    const sim = await kit.startSimulator();
    const mailbox = new MemoryWebStorage();
    const memory = {
      formatVersion: 1,
      conversations: [],
      // 20 senders remembered: about 700 characters.
      senders: Array.from({ length: 20 }, (_, index) => [
        index.toString(16).padStart(16, "0"),
        "SUP",
        "3",
        `SUP-${index + 1}`,
      ]),
    };
    // Room for a sign-in, not for a sign-in and the memory.
    mailbox.setItem(
      ROAMING_SETTINGS_STORAGE_KEY,
      JSON.stringify({
        "notes-of-an-older-version": "n".repeat(31_900),
        [DESTINATIONS_SETTING]: memory,
      })
    );
    const draft = withDraft(mailbox);
    const pane = await kit.startPane(sim, { settings: outlookClient(mailbox) });

    await pane.session.signIn();

    expect(pane.session.getState()).toMatchObject({ status: "signed_in" });
    expect(pane.session.getState()).not.toHaveProperty("notice");
    expect(Object.keys(saved(mailbox))).toEqual(["notes-of-an-older-version", tokenName(sim)]);
    expect(draft()).toEqual(DRAFT);
  });

  it("refuses a save that can't fit before Outlook is asked, naming what to remove; Try again after the removal saves it", async () => {
    const sim = await kit.startSimulator();
    const mailbox = new MemoryWebStorage();
    mailbox.setItem(
      ROAMING_SETTINGS_STORAGE_KEY,
      JSON.stringify({ "notes-of-an-older-version": "n".repeat(32_500) })
    );
    const before = mailbox.getItem(ROAMING_SETTINGS_STORAGE_KEY);
    const draft = withDraft(mailbox);
    const settings = outlookClient(mailbox);
    const pane = await kit.startPane(sim, { settings });

    await pane.session.signIn();

    const state = pane.session.getState();
    expect(state).toMatchObject({
      status: "signed_in",
      notice: { code: "token_not_saved", canRetrySave: true },
    });
    expect(noticeOf(state).message).toMatch(
      /exceed the 32 KB Outlook keeps per add-in\. The most room is taken by the setting "notes-of-an-older-version" \(\d+(\.\d)? KB\) and a sign-in to http:\/\/127\.0\.0\.1:\d+ \(\d+ bytes\)\..*administrator to remove/
    );
    // Refused here: Outlook was never asked, the mailbox is as it was; the session works.
    expect(mailbox.getItem(ROAMING_SETTINGS_STORAGE_KEY)).toBe(before);
    await expect(myselfOn(pane)).resolves.toMatchObject({ name: "jane" });

    // The administrator removed the old entry (here: this client's copy, as Outlook would load it).
    settings.remove("notes-of-an-older-version");
    await pane.session.retrySave();
    expect(pane.session.getState()).not.toHaveProperty("notice");
    expect(Object.keys(saved(mailbox))).toEqual([tokenName(sim)]);
    expect(draft()).toEqual(DRAFT);
  });
});

describe("two Outlook clients saving the settings at once", () => {
  it("at worst the other client's sign-in or memory is lost from the mailbox; the session keeps working, a new sign-in recovers, no draft is touched", async () => {
    const sim = await kit.startSimulator();
    const mailbox = new MemoryWebStorage();
    const draft = withDraft(mailbox);
    // Both clients start now (Outlook loads the settings once, when the add-in starts).
    const desktopSettings = outlookClient(mailbox);
    const webSettings = outlookClient(mailbox);
    const desktop = await kit.startPane(sim, { settings: desktopSettings });
    const web = await kit.startPane(sim, { settings: webSettings });

    await desktop.session.signIn();
    expect(saved(mailbox)[tokenName(sim)]).toBeDefined();

    // The web client, loaded before that, saves its memory: its whole copy, without the sign-in.
    await createDestinationMemory(webSettings).remember(EMAIL, SUP_1_DESTINATION);
    expect(Object.keys(saved(mailbox))).toEqual([DESTINATIONS_SETTING]);

    // What is lost is the mailbox's copy only: the desktop works on with the token it holds.
    await expect(myselfOn(desktop)).resolves.toMatchObject({ name: "jane" });
    // The desktop's next save writes its copy back: the sign-in returns, the web client's memory goes.
    await createDestinationMemory(desktopSettings).remember(EMAIL, {
      projectKey: "OPS",
      issueTypeId: "3",
      issueKey: "OPS-1",
      attachEmail: true,
    });
    expect(Object.keys(saved(mailbox)).sort()).toEqual(
      [DESTINATIONS_SETTING, tokenName(sim)].sort()
    );
    expect(createDestinationMemory(outlookClient(mailbox)).suggest(EMAIL)).toMatchObject({
      projectKey: "OPS",
    });

    // The worst case for a sign-in: the web client saved last, so the next start is signed out…
    await createDestinationMemory(webSettings).rememberComment(EMAIL, {
      projectKey: "SUP",
      issueTypeId: "3",
      issueKey: "SUP-2",
    });
    const reopened = await kit.startPane(sim, { settings: outlookClient(mailbox) });
    expect(reopened.session.getState().status).toBe("signed_out");
    // …and signing in again is all it takes.
    await reopened.session.signIn();
    expect(reopened.session.getState()).toMatchObject({
      status: "signed_in",
      account: { name: "jane" },
    });
    expect(web.session.getState().status).toBe("signed_out");
    expect(draft()).toEqual(DRAFT);
  });

  it("the same user signed in on both: whichever saved last is kept, and both sign-ins work", async () => {
    const sim = await kit.startSimulator();
    const mailbox = new MemoryWebStorage();
    const desktop = await kit.startPane(sim, { settings: outlookClient(mailbox) });
    const web = await kit.startPane(sim, { settings: outlookClient(mailbox) });

    await desktop.session.signIn();
    await web.session.signIn();

    const kept = saved(mailbox)[tokenName(sim)] as { token: string };
    expect(kept.token).toEqual(expect.any(String));
    await expect(myselfOn(desktop)).resolves.toMatchObject({ name: "jane" });
    await expect(myselfOn(web)).resolves.toMatchObject({ name: "jane" });
    const reopened = await kit.startPane(sim, { settings: outlookClient(mailbox) });
    expect(reopened.session.getState()).toMatchObject({ status: "signed_in" });
    await expect(myselfOn(reopened)).resolves.toMatchObject({ name: "jane" });
  });

  it("a sign-out on one client can be undone in the mailbox by the other's later save (the token stays valid in Jira until revoked)", async () => {
    const sim = await kit.startSimulator();
    const mailbox = new MemoryWebStorage();
    const desktopSettings = outlookClient(mailbox);
    const desktop = await kit.startPane(sim, { settings: desktopSettings });
    await desktop.session.signIn();
    // The web client starts signed in from the mailbox.
    const webSettings = outlookClient(mailbox);
    const web = await kit.startPane(sim, { settings: webSettings });
    expect(web.session.getState().status).toBe("signed_in");

    await desktop.session.signOut();
    expect(saved(mailbox)[tokenName(sim)]).toBeUndefined();
    await createDestinationMemory(webSettings).remember(EMAIL, SUP_1_DESTINATION);

    expect(saved(mailbox)[tokenName(sim)]).toBeDefined();
    // Why the sign-out notice offers revoking the token in Jira.
    expect(desktop.session.getState()).toMatchObject({
      status: "signed_out",
      notice: { code: "signed_out", link: { label: "Revoke the token in Jira" } },
    });
  });
});
