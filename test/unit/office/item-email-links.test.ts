import type { MailMessage } from "../../../src/mail/mail-message";
import { createItemEmailLinks } from "../../../src/office/item-email-links";
import { createPreviewHost } from "../../../src/preview/host-model";
import { messageFromEml } from "../../../src/preview/message-from-eml";
import { MailboxEnums } from "../../../src/preview/office-standin/enums";
import { AsyncResultStatus } from "../../../src/preview/office-standin/enums";
import { createMailbox } from "../../../src/preview/office-standin/mailbox";
import { createMemoryStorage } from "../../../src/preview/storage";
import { removeOfficeGlobal } from "../../support/fake-office-global";
import { parseXml } from "../support/parse-xml";
import { failLater, installOutlook, succeedLater } from "./fake-outlook";
import { JIRA, link } from "./issue-links";
import type { Callback } from "./fake-outlook";

const message = {
  itemId: "AAMkItem=",
  subject: "VPN drops",
  attachments: [],
} as unknown as MailMessage;

/**
 * Outlook's CustomProperties for one item, as Outlook keeps them: every load hands out a fresh copy
 * of what was saved last, and `saveAsync` (per `save`) stores that copy's values whole.
 */
function fakeOutlook(
  initial: Record<string, unknown> = {},
  options: {
    save?: (callback: Callback<void>, values: Record<string, unknown>) => void;
    selected?: boolean;
  } = {}
) {
  const saved: Array<Record<string, unknown>> = [];
  let loads = 0;
  // What the item holds; a load's copy reaches it only by being saved.
  const values: Record<string, unknown> = { ...initial };
  const loadedCopy = () => {
    const copy: Record<string, unknown> = { ...values };
    return {
      get: (name: string) => copy[name],
      set: (name: string, value: unknown) => {
        copy[name] = value;
      },
      remove: (name: string) => {
        delete copy[name];
      },
      getAll: () => ({ ...copy }),
      saveAsync: (callback: Callback<void>) => {
        if (options.save) return options.save(callback, copy);
        for (const name of Object.keys(values)) delete values[name];
        Object.assign(values, copy);
        saved.push({ ...copy });
        succeedLater(callback, undefined);
      },
    };
  };
  const item = {
    itemId: message.itemId,
    loadCustomPropertiesAsync: (callback: Callback<ReturnType<typeof loadedCopy>>) => {
      loads += 1;
      succeedLater(callback, loadedCopy());
    },
  };
  installOutlook("1.5", {
    item: options.selected === false ? { ...item, itemId: "AAMkOther=" } : item,
  });
  return { saved, values, loads: () => loads };
}

afterEach(removeOfficeGlobal);

describe("createItemEmailLinks", () => {
  it("reads no links from an email without the property", async () => {
    fakeOutlook();
    await expect(createItemEmailLinks().read(message)).resolves.toEqual([]);
  });

  it("records a link, newest first, and reads it back", async () => {
    const outlook = fakeOutlook();
    const links = createItemEmailLinks();
    await links.record(message, link("OPS-7"));
    await links.record(message, link("SUP-12", { kind: "commented" }));

    await expect(links.read(message)).resolves.toEqual([
      link("SUP-12", { kind: "commented" }),
      link("OPS-7"),
    ]);
    expect(outlook.saved).toHaveLength(2);
    expect(typeof outlook.values["jiraLinks"]).toBe("string");
  });

  it("refreshes the link to the same issue in the same Jira instead of adding another", async () => {
    fakeOutlook();
    const links = createItemEmailLinks();
    await links.record(message, link("SUP-12", { linkedAt: "2026-01-01T00:00:00.000Z" }));
    await links.record(message, link("OPS-7"));
    await links.record(message, link("SUP-12"));
    await expect(links.read(message)).resolves.toEqual([link("SUP-12"), link("OPS-7")]);
  });

  it("keeps both links when two are recorded on one email at the same time", async () => {
    const outlook = fakeOutlook();
    const links = createItemEmailLinks();
    // New issue and Add to issue delivering at once: each would load, add its link and save.
    await Promise.all([
      links.record(message, link("OPS-7")),
      links.record(message, link("SUP-12", { kind: "commented" })),
    ]);

    await expect(links.read(message)).resolves.toEqual([
      link("SUP-12", { kind: "commented" }),
      link("OPS-7"),
    ]);
    expect(outlook.saved).toHaveLength(2);
    expect(outlook.loads()).toBe(3);
  });

  it("goes on recording after a failed save, in order", async () => {
    let saves = 0;
    const values: Record<string, unknown> = {};
    fakeOutlook(
      {},
      {
        save: (callback, copy) => {
          saves += 1;
          if (saves === 1) return failLater(callback, 9017, "Offline.");
          Object.assign(values, copy);
          succeedLater(callback, undefined);
        },
      }
    );
    const links = createItemEmailLinks();
    const [first, second] = await Promise.allSettled([
      links.record(message, link("OPS-7")),
      links.record(message, link("SUP-12")),
    ]);
    expect(first).toMatchObject({ status: "rejected", reason: { code: 9017 } });
    expect(second.status).toBe("fulfilled");
    expect(
      JSON.parse(values["jiraLinks"] as string).l.map((kept: { k: string }) => kept.k)
    ).toEqual(["SUP-12"]);
  });

  it("keeps a link 'created' when the same email is later added to that issue as a comment", async () => {
    fakeOutlook();
    const links = createItemEmailLinks();
    const later = "2026-12-01T10:00:00.000Z";
    await links.record(message, link("SUP-12"));
    await links.record(message, link("OPS-7"));
    await links.record(message, link("SUP-12", { kind: "commented", linkedAt: later }));

    await expect(links.read(message)).resolves.toEqual([
      link("SUP-12", { kind: "created", linkedAt: later }),
      link("OPS-7"),
    ]);
  });

  it("drops the oldest links so all the item's properties stay within 2,500 characters", async () => {
    const outlook = fakeOutlook({ other: "y".repeat(500) });
    const links = createItemEmailLinks();
    for (let number = 1; number <= 30; number += 1) {
      await links.record(message, link(`SUP-${number}`));
    }
    const saved = outlook.saved.at(-1)!;
    expect(JSON.stringify(saved).length).toBeLessThanOrEqual(2500);
    expect(saved["other"]).toBe("y".repeat(500));
    const kept = await links.read(message);
    expect(kept[0]!.issueKey).toBe("SUP-30");
    expect(kept.length).toBeLessThan(30);
    expect(kept.map((kept) => kept.issueKey)).toEqual(
      Array.from({ length: kept.length }, (_, index) => `SUP-${30 - index}`)
    );
  });

  it("ignores hostile stored data and keeps what is valid", async () => {
    fakeOutlook({
      jiraLinks: JSON.stringify({
        f: 1,
        l: [
          { k: "SUP-1", i: "1", u: "javascript:alert(1)//", t: "c", d: "2026-01-01T00:00:00Z" },
          { k: "SUP-2", i: "2", u: JIRA, t: "c", d: "2026-01-01T00:00:00Z", extra: "<img>" },
          { __proto__: { k: "SUP-3" } },
        ],
      }),
    });
    await expect(createItemEmailLinks().read(message)).resolves.toEqual([
      link("SUP-2", { issueId: "2", linkedAt: "2026-01-01T00:00:00Z" }),
    ]);
  });

  it("reads [] for an email of an unknown format, and recording then starts a fresh list", async () => {
    fakeOutlook({ jiraLinks: JSON.stringify({ f: 9, l: [] }) });
    const links = createItemEmailLinks();
    await expect(links.read(message)).resolves.toEqual([]);
    await links.record(message, link("SUP-12"));
    await expect(links.read(message)).resolves.toEqual([link("SUP-12")]);
  });

  it("reads [] for an email that is not the selected one, without asking Outlook", async () => {
    const outlook = fakeOutlook({}, { selected: false });
    await expect(createItemEmailLinks().read(message)).resolves.toEqual([]);
    expect(outlook.loads()).toBe(0);
  });

  it("refuses to record on an email that is not the selected one", async () => {
    const outlook = fakeOutlook({}, { selected: false });
    await expect(createItemEmailLinks().record(message, link("SUP-12"))).rejects.toMatchObject({
      name: "MailItemError",
      code: "item_not_current",
      message: expect.stringContaining('"VPN drops"'),
    });
    expect(outlook.loads()).toBe(0);
  });

  it("refuses a malformed link before touching the email", async () => {
    const outlook = fakeOutlook();
    await expect(
      createItemEmailLinks().record(message, link("SUP-12", { jiraBaseUrl: "javascript:x" }))
    ).rejects.toMatchObject({ code: "invalid_link" });
    expect(outlook.loads()).toBe(0);
  });

  it("rejects with a numeric code when saveAsync throws (office.js's own limit check)", async () => {
    fakeOutlook(
      {},
      {
        save: () => {
          throw new Error("Sys.ArgumentOutOfRangeException: Specified argument was out of range.");
        },
      }
    );
    await expect(createItemEmailLinks().record(message, link("SUP-12"))).rejects.toMatchObject({
      name: "OfficeError",
      code: 0,
      message: expect.stringContaining("ArgumentOutOfRangeException"),
    });
  });

  it("rejects with Office's code when saving fails in the AsyncResult", async () => {
    fakeOutlook({}, { save: (callback) => failLater(callback, 9017, "Offline.") });
    await expect(createItemEmailLinks().record(message, link("SUP-12"))).rejects.toMatchObject({
      name: "OfficeError",
      code: 9017,
      message: "Offline.",
    });
  });
});

describe("createItemEmailLinks on the preview's Outlook stand-in", () => {
  it("keeps links with the item across a reload, and fails loudly when other data leaves no room", async () => {
    const preview = await messageFromEml(
      "Message-ID: <links@example.com>\r\nSubject: Links\r\n\r\nBody\r\n"
    );
    const storage = createMemoryStorage();
    const install = () => {
      const host = createPreviewHost({
        initial: { item: preview, theme: "light", mailboxMode: "onPremises15" },
      });
      const { mailbox } = createMailbox({
        host,
        mode: "onPremises15",
        schedule: (task) => setTimeout(task, 0),
        storage,
        htmlToText: String,
        parseXml,
      });
      (globalThis as Record<string, unknown>).Office = {
        AsyncResultStatus,
        MailboxEnums,
        context: { mailbox },
      };
    };
    const stored = { itemId: preview.itemId, subject: preview.subject } as MailMessage;

    install();
    await createItemEmailLinks().record(stored, link("SUP-12"));
    install(); // the pane reloaded
    await expect(createItemEmailLinks().read(stored)).resolves.toEqual([link("SUP-12")]);

    // Another property of the add-in already holds about 2,490 characters: the stand-in throws like office.js.
    storage.setItem(
      `outlookPreview.customProperties.${preview.itemId}`,
      JSON.stringify({ other: "z".repeat(2480) })
    );
    install();
    await expect(createItemEmailLinks().record(stored, link("SUP-13"))).rejects.toMatchObject({
      name: "OfficeError",
      code: 0,
      message: expect.stringContaining("ArgumentOutOfRangeException"),
    });
  });
});
