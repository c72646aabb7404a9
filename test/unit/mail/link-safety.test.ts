import {
  isRemoteImageUrl,
  safeLinkUrl,
  wikiSafeUrl,
} from "../../../src/mail/html-to-wiki/link-safety";

describe("safeLinkUrl", () => {
  it.each([
    ["https://example.com/a?b=1#c", "https://example.com/a?b=1#c"],
    ["http://example.com", "http://example.com/"],
    ["HTTPS://Example.COM/Path", "https://example.com/Path"],
    [
      "mailto:sam@contoso.example?subject=Hi there",
      "mailto:sam@contoso.example?subject=Hi%20there",
    ],
    ["  https://example.com/  ", "https://example.com/"],
    [
      "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.com%2Fx&data=05%7C02",
      "https://example.com/x",
    ],
    [
      "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Feur01.safelinks.protection.outlook.com%2F%3Furl%3Dhttps%253A%252F%252Fexample.com%252Fy",
      "https://example.com/y",
    ],
    [
      "https://safelinks.protection.outlook.com.evil.example/?url=https%3A%2F%2Fx.example",
      "https://safelinks.protection.outlook.com.evil.example/?url=https%3A%2F%2Fx.example",
    ],
    ["https://example.com/a[1]|b{2}", "https://example.com/a%5B1%5D%7Cb%7B2%7D"],
  ])("keeps %j as %j", (href, expected) => {
    expect(safeLinkUrl(href)).toBe(expected);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///C:/Windows/win.ini",
    "ftp://example.com/file",
    "/relative/path",
    "//example.com/protocol-relative",
    "#anchor",
    "",
    null,
    "https://eur01.safelinks.protection.outlook.com/?url=javascript%3Aalert(1)",
  ])("refuses %j", (href) => {
    expect(safeLinkUrl(href)).toBeNull();
  });
});

describe("isRemoteImageUrl", () => {
  it("accepts http and https only", () => {
    expect(isRemoteImageUrl("https://cdn.example/logo.png")).toBe(true);
    expect(isRemoteImageUrl("http://cdn.example/logo.png")).toBe(true);
    expect(isRemoteImageUrl("data:image/png;base64,AAA")).toBe(false);
    expect(isRemoteImageUrl("cid:image001.png@01DA")).toBe(false);
    expect(isRemoteImageUrl("logo.png")).toBe(false);
  });
});

describe("wikiSafeUrl", () => {
  it("percent-encodes what would end or split a Jira link", () => {
    expect(wikiSafeUrl("https://x.example/a b]c|d{e}\n")).toBe(
      "https://x.example/a%20b%5Dc%7Cd%7Be%7D%0A"
    );
  });
});
