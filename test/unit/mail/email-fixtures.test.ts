// Realistic emails as each mail client writes them (test/fixtures/mail/*.eml: Outlook desktop's
// Word HTML, Outlook on the web, Gmail, Apple Mail), read with postal-mime as the preview does: the
// key parts convert to the exact markup, and cutting the quoted history removes exactly the history.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EmailDescription } from "../../../src/mail/email-description-types";
import { inlineImagesOf } from "../../../src/mail/inline-images";
import { textToWiki } from "../../../src/mail/text-to-wiki";
import { parseEml } from "./support/eml";
import { nodeEmailConverter } from "./support/parse-html";

const FIXTURES = join(__dirname, "../../fixtures/mail");

async function describeFixture(
  file: string,
  cutQuotedHistory: boolean,
  includeHeaderBlock = false
): Promise<EmailDescription> {
  const { message, body } = await parseEml(readFileSync(join(FIXTURES, file), "utf8"));
  return nodeEmailConverter().describe({
    message,
    body,
    options: { includeHeaderBlock, cutQuotedHistory },
    inlineImages: inlineImagesOf(message, body.html),
    locale: "en-US",
    timeZone: "UTC",
  });
}

async function plainTextOf(file: string): Promise<string> {
  return (await parseEml(readFileSync(join(FIXTURES, file), "utf8"))).body.text;
}

const LEFTOVERS = [
  "<o:p>",
  "o:p",
  "MsoNormal",
  "MsoList",
  "mso-",
  "<!--",
  "[if",
  "v:shape",
  "{color",
  "cid:",
  "safelinks",
  "font-family",
  "&nbsp;",
];
/** An HTML tag (addresses in angle brackets, "<sam@contoso.example>", are not). */
const HTML_TAG = /<\/?[a-z][\w:-]*(?:\s[^>]*)?\/?>/i;

interface FixtureCase {
  file: string;
  /** The last line of the plain-text alternative once its history is cut. */
  textEndsWith: string;
  /** The markup with the history cut. */
  message: string;
  /** What cutting removes (it follows the message after a blank line). */
  history: string;
  used: string[];
}

const CASES: FixtureCase[] = [
  {
    file: "outlook-desktop.eml",
    textEndsWith: "Chris",
    message: [
      "Hi Sam,",
      "",
      "the VPN drops are back since the client update to 5.2.1. What I see on the affected laptops:",
      "",
      "* The tunnel drops *exactly on the hour*",
      "** also on wired connections",
      "* The client log says session_expired",
      "",
      "What I tried:",
      "",
      "# Reinstalled the client",
      "# Switched to the backup gateway",
      "",
      "Drop times from yesterday:",
      "",
      "|Laptop|Drops|",
      "|LAP-0142|09:00, 10:00 \\\\ 11:00|",
      "",
      "The tray icon at the moment of a drop:",
      "!image001.png!",
      "",
      "Thanks,",
      "Chris",
    ].join("\n"),
    history: [
      "*From:* Sam Ortiz <sam.ortiz@contoso.example>",
      "*Sent:* Friday, June 7, 2024 4:02 PM",
      "*To:* Chris Young <chris.young@fabrikam.example>",
      "*Subject:* RE: \\[SUP-2\\] VPN drops every hour",
      "",
      "Hi Chris,",
      "",
      "please update the VPN client to 5.2.1 and tell us if the drops continue.",
      "",
      "Sam",
    ].join("\n"),
    used: ["image001.png"],
  },
  {
    file: "outlook-web.eml",
    textEndsWith: "Lena Vogel",
    message: [
      "Hello Service Desk,",
      "",
      "since Monday, *exports to PDF* fail with error E-4031. Steps to reproduce:",
      "",
      "# Open any report",
      "# Click _Export_ › _PDF_",
      "",
      "The incident is on [the status page|https://status.contoso.example/incidents/4031].",
      "",
      "Kind regards,",
      "Lena Vogel",
    ].join("\n"),
    history: [
      "----",
      "",
      "*From:* IT Service Desk <servicedesk@contoso.example>",
      "*Sent:* Monday, June 10, 2024 09:02",
      "*To:* Lena Vogel <lena.vogel@contoso.example>",
      "*Subject:* RE: PDF export fails",
      "",
      "Hi Lena,",
      "",
      "which error code do you see?",
      "",
      "IT Service Desk",
    ].join("\n"),
    used: [],
  },
  {
    file: "gmail.eml",
    textEndsWith: "Marco Rossi | Field IT | fabrikam.example <https://www.fabrikam.example>",
    message: [
      "Hi Sam,",
      "",
      "the new certificate works on *most* laptops, but three still show this error:",
      "",
      "{quote}",
      "NET::ERR_CERT_AUTHORITY_INVALID",
      "{quote}",
      "",
      "Affected:",
      "",
      "* LAP-0142",
      "* LAP-0177 _(already reimaged)_",
      "* LAP-0203",
      "",
      "Screenshot:",
      "!cert-error.png!",
      "",
      "Thanks,",
      "Marco",
      "",
      "\\--",
      "Marco Rossi \\| Field IT \\| [fabrikam.example|https://www.fabrikam.example/]",
    ].join("\n"),
    history: [
      "On Mon, Jun 10, 2024 at 9:02 AM Sam Ortiz <[mailto:sam.ortiz@contoso.example]> wrote:",
      "",
      "{quote}",
      "Hi Marco,",
      "",
      "please install the new root certificate from the portal and restart.",
      "",
      "Sam",
      "{quote}",
    ].join("\n"),
    used: ["cert-error.png"],
  },
  {
    file: "apple-mail.eml",
    textEndsWith: "Noa",
    message: [
      "Hi Sam,",
      "",
      "the printer on floor 3 still jams when printing *duplex*. Here is the display:",
      "",
      "!IMG_2041.jpeg!",
      "",
      "Noa",
    ].join("\n"),
    history: [
      "{quote}",
      "On 10. Jun 2024, at 09:02, Sam Ortiz <sam.ortiz@contoso.example> wrote:",
      "",
      "Hi Noa,",
      "",
      "does the printer still jam after the firmware update?",
      "{quote}",
    ].join("\n"),
    used: ["IMG_2041.jpeg"],
  },
];

describe.each(CASES)("$file", ({ file, message, history, used, textEndsWith }) => {
  it("converts to the expected markup with the history cut", async () => {
    const result = await describeFixture(file, true);
    expect(result.markup).toBe(message);
    expect(result.usedInlineImages.map((image) => image.fileName)).toEqual(used);
  });

  it("keeps the history when not cutting; cutting removes exactly the history", async () => {
    const result = await describeFixture(file, false);
    expect(result.markup).toBe(`${message}\n\n${history}`);
  });

  it("leaves nothing of the mail client's HTML behind", async () => {
    for (const cutQuotedHistory of [false, true]) {
      const { markup } = await describeFixture(file, cutQuotedHistory, true);
      for (const leftover of LEFTOVERS) {
        expect(markup).not.toContain(leftover);
      }
      expect(markup).not.toMatch(HTML_TAG);
      expect(markup).not.toMatch(/ $/m);
      expect(markup).not.toMatch(/\n\n\n/);
    }
  });

  it("cuts the history from the plain-text alternative too", async () => {
    const text = await plainTextOf(file);
    const markup = textToWiki(text, { cutQuotedHistory: true });
    const plain = markup.replace(/\\([|*#-])/g, "$1").replace(/&#46;/g, ".");
    expect(plain.endsWith(textEndsWith)).toBe(true);
    expect(textToWiki(text, { cutQuotedHistory: false }).length).toBeGreaterThan(markup.length);
  });
});

describe("the header block over a real email", () => {
  it("names the Outlook email's sender, date, recipients and subject", async () => {
    const { markup } = await describeFixture("outlook-desktop.eml", true, true);
    expect(
      markup.startsWith(
        [
          "*From:* Chris Young <chris.young@fabrikam.example>",
          "*Sent:* Monday, June 10, 2024 at 6:30 AM",
          "*To:* Sam Ortiz <sam.ortiz@contoso.example>",
          "*Cc:* Support <support@contoso.example>",
          "*Subject:* RE: \\[SUP-2\\] VPN drops every hour",
          "----",
          "",
          "Hi Sam,",
        ].join("\n")
      )
    ).toBe(true);
  });
});
