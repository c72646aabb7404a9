/** What the form offers to attach: defaults, what this Outlook and this Jira allow, the upload limit, sizes. */
import {
  attachmentsBlockedReason,
  emailAttachBlockedReason,
  offeredAttachments,
  referencedInlineImages,
  tooLargeProblem,
} from "../../../../src/ui/new-issue/attachment-choices";
import type { AttachmentPolicy } from "../../../../src/ui/new-issue/attachment-choices";
import { formatFileSize } from "../../../../src/i18n/format";
import { activateLanguage } from "../../../../src/i18n/translate";
import { file, sampleMessage } from "../ui-fakes";

const TEN_MB = 10 * 1024 * 1024;
const office: AttachmentPolicy = {
  capabilities: { attachments: "office", wholeMessage: "office" },
  jira: { enabled: true, uploadLimit: TEN_MB },
};

const message = sampleMessage({
  attachments: [
    ...sampleMessage().attachments,
    file("att-big", "backup.zip", "application/zip", TEN_MB + 1),
    { ...file("att-cloud", "plan.docx", "application/msword", 5000), attachmentType: "cloud" },
  ],
});

describe("offeredAttachments", () => {
  it("offers the email's files (not its inline images), checked unless over Jira's limit", () => {
    const offered = offeredAttachments(message, {}, office);
    expect(offered.map((entry) => [entry.attachment.name, entry.chosen, entry.disabled])).toEqual([
      ["log.txt", true, false],
      ["photo.jpg", true, false],
      ["backup.zip", false, false],
      ["plan.docx", false, true],
    ]);
    expect(offered[2]?.tooLarge).toBe("larger than Jira's limit of 10 MB");
    expect(offered[3]?.unavailable).toBe("a link to a cloud file: can't be attached");
  });

  it("follows the user's own choices", () => {
    const offered = offeredAttachments(message, { "att-1": false, "att-big": true }, office);
    expect(offered.map((entry) => entry.chosen)).toEqual([false, true, true, false]);
  });

  it("refuses Create while a file over the limit is checked, naming it and the fix", () => {
    const offered = offeredAttachments(message, { "att-big": true }, office);
    expect(tooLargeProblem(offered)).toBe(
      "backup.zip is larger than Jira's limit of 10 MB. Uncheck it to create the issue."
    );
    expect(tooLargeProblem(offeredAttachments(message, {}, office))).toBeUndefined();
  });

  it("names every file over the limit as a list, and says 'them' for more than one", () => {
    const two = sampleMessage({
      attachments: [
        file("big-1", "backup.zip", "application/zip", TEN_MB + 1),
        file("big-2", "dump.bin", "application/octet-stream", 2 * TEN_MB),
      ],
    });
    const offered = offeredAttachments(two, { "big-1": true, "big-2": true }, office);
    expect(tooLargeProblem(offered)).toBe(
      "backup.zip is larger than Jira's limit of 10 MB and dump.bin is larger than Jira's limit " +
        "of 10 MB. Uncheck them to create the issue."
    );
    expect(tooLargeProblem(offered, "comment")).toBe(
      "backup.zip is larger than Jira's limit of 10 MB and dump.bin is larger than Jira's limit " +
        "of 10 MB. Uncheck them to add the comment."
    );
  });

  it("checks nothing and says why when this Outlook can't read attachments", () => {
    const policy: AttachmentPolicy = {
      capabilities: { attachments: "none", wholeMessage: "none" },
      jira: office.jira,
    };
    expect(
      offeredAttachments(message, { "att-1": true }, policy).every((e) => !e.chosen && e.disabled)
    ).toBe(true);
    expect(attachmentsBlockedReason(policy)).toBe(
      "This Outlook can't read the content of attachments, so they can't be attached here " +
        "(it needs Mailbox 1.8, or Exchange Web Services on an on-premises mailbox)."
    );
    expect(emailAttachBlockedReason(policy)).toContain("Mailbox 1.14");
  });

  it("says so when Jira has attachments turned off", () => {
    const policy: AttachmentPolicy = { ...office, jira: { enabled: false, uploadLimit: TEN_MB } };
    expect(attachmentsBlockedReason(policy)).toBe(
      "Attachments are turned off in this Jira, so no files are uploaded."
    );
    expect(emailAttachBlockedReason(policy)).toBe("Attachments are turned off in this Jira.");
    expect(offeredAttachments(message, {}, policy).some((entry) => entry.chosen)).toBe(false);
  });

  it("refuses nothing early while Jira's limit is unknown", () => {
    const policy: AttachmentPolicy = { capabilities: office.capabilities };
    expect(offeredAttachments(message, {}, policy)[2]).toMatchObject({ chosen: true });
    expect(attachmentsBlockedReason(policy)).toBeUndefined();
  });
});

describe("referencedInlineImages", () => {
  it("keeps the inline images the markup still shows, with or without Jira's image options", () => {
    const images = [
      { attachmentId: "a", fileName: "image001.png" },
      { attachmentId: "b", fileName: "image002.png" },
      { attachmentId: "c", fileName: "chart.png" },
    ];
    const markup = "See !image001.png!\n\nand !chart.png|thumbnail!";
    expect(referencedInlineImages(markup, images).map((image) => image.attachmentId)).toEqual([
      "a",
      "c",
    ]);
  });
});

describe("formatFileSize", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [512, "512 bytes"],
    [24 * 1024, "24 KB"],
    [3_250_000, "3.1 MB"],
    [TEN_MB, "10 MB"],
    [150 * 1024 * 1024, "150 MB"],
    [2.5 * 1024 * 1024 * 1024, "2.5 GB"],
  ])("shows %p bytes as %p", (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });

  it("writes the number the way the pane's language does", async () => {
    await activateLanguage("de-DE");
    try {
      expect(formatFileSize(3_250_000)).toBe("3,1 MB");
    } finally {
      await activateLanguage("en-US");
    }
  });
});
