import { visibleSingleLine } from "../../../src/mail/visible-text";

describe("visibleSingleLine", () => {
  it.each([
    ["zero-width space, joiners, LRM/RLM", "a\u200Bb\u200Cc\u200Dd\u200Ee\u200Ff", "abcdef"],
    [
      "bidi embeddings and overrides",
      "invoice\u202A\u202B\u202C\u202D\u202Efdp.exe",
      "invoicefdp.exe",
    ],
    ["bidi isolates and the word joiner", "\u2066a\u2067b\u2068c\u2069\u2060d", "abcd"],
    ["the Arabic letter mark", "a\u061Cb", "ab"],
    ["a byte order mark: invisible, not a space", "\uFEFFIn\uFEFFvoice", "Invoice"],
    ["control characters", "a\u0000b\u0007c\u007Fd\u0085e", "abcde"],
  ])("removes %s", (_what, text, visible) => {
    expect(visibleSingleLine(text)).toBe(visible);
  });

  it("puts line breaks, tabs and whitespace runs as one space, before the controls go", () => {
    expect(visibleSingleLine("RE:\r\n\tVPN\u00A0\u00A0drops\u3000now")).toBe("RE: VPN drops now");
    expect(visibleSingleLine("a\nb")).toBe("a b");
    expect(visibleSingleLine("a \u200B b")).toBe("a b");
  });

  it("keeps visible text, right-to-left scripts included, and does not trim", () => {
    expect(visibleSingleLine(" שלום צוות ")).toBe(" שלום צוות ");
    expect(visibleSingleLine("Zoë 👍🏽 café")).toBe("Zoë 👍🏽 café");
  });
});
