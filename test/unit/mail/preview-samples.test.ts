// The preview's sample emails (src/preview/samples/*.eml) convert cleanly, as the pane would show them.
import { readdirSync } from "node:fs";
import { inlineImagesOf } from "../../../src/mail/inline-images";
import { summaryFromSubject } from "../../../src/mail/summary";
import { readSample, SAMPLES_DIR } from "../preview/samples";
import { parseEml } from "./support/eml";
import { nodeEmailConverter } from "./support/parse-html";

const SAMPLE_FILES = readdirSync(SAMPLES_DIR).filter((name) => name.endsWith(".eml"));
const LEFTOVERS = ["<o:p>", "o:p", "MsoNormal", "<!--", "{color", "mso-", "cid:", "&nbsp;"];

async function describeSample(file: string, cutQuotedHistory: boolean) {
  const { message, body } = await parseEml(readSample(file));
  return nodeEmailConverter().describe({
    message,
    body,
    options: { includeHeaderBlock: true, cutQuotedHistory },
    inlineImages: inlineImagesOf(message, body.html),
    locale: "en-US",
    timeZone: "UTC",
  });
}

describe("the preview's sample emails", () => {
  it("are all there", () => {
    expect(SAMPLE_FILES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(SAMPLE_FILES)("%s converts without leftovers", async (file) => {
    for (const cut of [false, true]) {
      const { markup } = await describeSample(file, cut);
      expect(markup.startsWith("*From:* ")).toBe(true);
      for (const leftover of LEFTOVERS) {
        expect(markup).not.toContain(leftover);
      }
      expect(markup).not.toMatch(/<\/?[a-z][\w:-]*(?:\s[^>]*)?\/?>/i);
      expect(markup).not.toMatch(/ $/m);
      expect(markup).not.toMatch(/\n\n\n/);
    }
  });

  it("shows the Outlook sample's table and pasted image", async () => {
    const { markup, usedInlineImages } = await describeSample("02-outlook-html.eml", false);
    expect(markup).toContain(
      "The nightly *invoice export* to the ERP failed again on three of the last five nights."
    );
    expect(markup).toContain("|Night|Result|\n|2024-06-01|Timeout|\n|2024-06-02|OK|");
    expect(markup).toContain("Screenshot of the scheduler:\n!image001.png!");
    expect(usedInlineImages).toEqual([
      expect.objectContaining({
        fileName: "image001.png",
        contentId: "image001.png@01DAB5C1.2F3E4A50",
      }),
    ]);
  });

  it("cuts the reply sample's history at Outlook's From/Sent block", async () => {
    const full = await describeSample("06-reply-sup-2.eml", false);
    const cut = await describeSample("06-reply-sup-2.eml", true);
    expect(full.markup).toContain("please update the VPN client to 5.2.1");
    expect(cut.markup).not.toContain("please update the VPN client");
    expect(cut.markup).not.toContain("Sam Ortiz <sam.ortiz@contoso.example>\n*Sent:*");
    expect(cut.markup.endsWith("Log attached to the ticket yesterday.\nChris")).toBe(true);
  });

  it("gives each sample a summary without reply prefixes", async () => {
    const { message } = await parseEml(readSample("06-reply-sup-2.eml"));
    expect(summaryFromSubject(message.subject)).toBe("[SUP-2] VPN drops every hour");
  });

  it("keeps the plain-text sample's lines and escapes its signature", async () => {
    const { markup } = await describeSample("01-plain-text.eml", false);
    expect(markup).toContain("Steps I tried:\n1. Cleared the browser cache and cookies\n");
    expect(markup).toContain("\\--\nDana Whitfield \\| Finance \\| Fabrikam Ltd.");
  });
});
