import {
  attachmentFileNames,
  emlFileName,
  MAX_FILE_NAME_LENGTH,
  safeFileName,
  uniqueFileNames,
} from "../../../src/mail/file-names";
import type { MailAttachmentInfo } from "../../../src/mail/mail-message";

describe("safeFileName", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "_.._etc_passwd"],
    ["..\\..\\Windows\\evil.exe", "_.._Windows_evil.exe"],
    ["C:\\Users\\me\\notes.txt", "C__Users_me_notes.txt"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["\u2066name\u2069.txt", "name.txt"],
    ["zero\u200Bwidth\u200D.txt", "zerowidth.txt"],
    ["tab\tand\nnewline.txt", "tab and newline.txt"],
    ["bell\u0007.txt", "bell.txt"],
    [".htaccess", "htaccess"],
    ["...hidden.txt", "hidden.txt"],
    ["  spaced  out  .txt  ", "spaced out .txt"],
    ["trailing dots...", "trailing dots"],
    ['what?<is>"this"|*.txt', "what__is__this___.txt"],
    ["Überweisung – März.pdf", "Überweisung – März.pdf"],
  ])("%j → %j", (name, expected) => {
    expect(safeFileName(name, "fallback.bin")).toBe(expected);
  });

  it.each(["", "   ", "\u202E\u200B", "...", "\u0000"])("uses the fallback for %j", (name) => {
    expect(safeFileName(name, "attachment-1")).toBe("attachment-1");
  });

  it("cuts long names to 180 characters, keeping the extension", () => {
    const name = safeFileName(`${"a".repeat(300)}.xlsx`, "x");
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name).toBe(`${"a".repeat(175)}.xlsx`);
  });

  it("cuts a long name without extension and never splits a surrogate pair", () => {
    const name = safeFileName(`${"a".repeat(179)}😀${"b".repeat(50)}`, "x");
    expect(name).toBe("a".repeat(179));
  });
});

describe("emlFileName", () => {
  it("names the file after the subject", () => {
    expect(emlFileName("RE: [SUP-2] VPN drops / every hour")).toBe(
      "RE_ [SUP-2] VPN drops _ every hour.eml"
    );
  });

  it("uses email.eml for an empty or unusable subject", () => {
    expect(emlFileName("")).toBe("email.eml");
    expect(emlFileName(" \u202E ")).toBe("email.eml");
  });

  it("keeps at most 100 characters of the subject", () => {
    expect(emlFileName("s".repeat(250))).toBe(`${"s".repeat(100)}.eml`);
  });
});

describe("uniqueFileNames", () => {
  it("numbers duplicates before the extension", () => {
    expect(uniqueFileNames(["image.png", "image.png", "image.png", "notes.txt"])).toEqual([
      "image.png",
      "image (2).png",
      "image (3).png",
      "notes.txt",
    ]);
  });

  it("compares case-insensitively and never takes a name that comes later", () => {
    expect(uniqueFileNames(["a.png", "A.PNG", "a (2).png", "README"])).toEqual([
      "a.png",
      "A (3).PNG",
      "a (2).png",
      "README",
    ]);
    expect(uniqueFileNames(["README", "README"])).toEqual(["README", "README (2)"]);
  });
});

describe("attachmentFileNames", () => {
  const attachment = (
    id: string,
    name: string,
    extra: Partial<MailAttachmentInfo> = {}
  ): MailAttachmentInfo => ({
    id,
    name,
    contentType: "application/pdf",
    size: 10,
    isInline: false,
    attachmentType: "file",
    ...extra,
  });

  it("makes every name safe and unique, inline images free of !name! markup characters", () => {
    const names = attachmentFileNames([
      attachment("1", "image001.png"),
      attachment("2", "image001.png", { isInline: true, contentType: "image/png" }),
      attachment("3", "wow!|^.png", { isInline: true, contentType: "image/png" }),
      attachment("4", "report!.pdf"),
      attachment("5", ""),
    ]);
    expect([...names.entries()]).toEqual([
      ["1", "image001.png"],
      ["2", "image001 (2).png"],
      ["3", "wow___.png"],
      ["4", "report!.pdf"],
      ["5", "attachment-5"],
    ]);
  });
});
