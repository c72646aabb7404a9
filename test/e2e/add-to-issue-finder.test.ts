/**
 * The "Issue" finder of "Add to issue", in headless Chromium against the built-in simulator: a key
 * typed in full and Enter go straight to that issue, and words of a summary find issues under
 * "Search results", resolved ones only once "Hide resolved issues" is off.
 */
import type { Frame, Page } from "playwright-core";
import { SAMPLE_CASES } from "./email-cases";
import {
  addToIssueForm,
  closeFinderList,
  expectChosenIssue,
  goToIssueKey,
  openAddToIssue,
  openFinderList,
  signIn,
  simulator,
  typeInFinder,
} from "./pane-helpers";
import { openPreviewPane, previewPagePerTest, selectEmail } from "./preview-page";

jest.setTimeout(90_000);

const PLAIN_TEXT = SAMPLE_CASES[0]!;

let page: Page;
let pane: Frame;

previewPagePerTest({ width: 1280, height: 900 }, async (preview) => {
  await simulator("POST", "/reset");
  ({ page } = preview);
  pane = await openPreviewPane(page);
  await signIn(pane);
  await selectEmail(page, pane, PLAIN_TEXT.subject);
  await openAddToIssue(pane);
});

/** Types `text` in the finder and returns the list's groups once Jira answered. */
async function search(text: string): Promise<Array<{ label: string; options: string[] }>> {
  await typeInFinder(pane, text);
  return openFinderList(pane);
}

describe("the issue finder", () => {
  it("goes straight to an issue whose key is typed in full", async () => {
    // The plain-text email names no issue: nothing is chosen, the recent issues are offered.
    const groups = await openFinderList(pane, "Recent");
    expect(groups).toEqual([
      {
        label: "Recent",
        options: [
          "SUP-2 VPN drops every hour In Progress",
          "SUP-1 Cannot log in to the expense portal Open",
          "OPS-1 Nightly invoice export to ERP fails with timeout Open",
        ],
      },
    ]);
    await closeFinderList(pane);
    expect(await addToIssueForm(pane).getByTestId("chosen-issue").count()).toBe(0);

    // OPS-2 is in no list yet: Enter looks it up.
    expect(await goToIssueKey(pane, "OPS-2")).toMatch(
      /^OPS-2\s+Renew TLS certificate for the mail gateway\s+In Progress$/
    );
    // A recent one, typed in lower case.
    await typeInFinder(pane, "sup-1");
    await addToIssueForm(pane).getByRole("combobox", { name: "Issue" }).press("Enter");
    expect(await expectChosenIssue(pane, "SUP-1")).toMatch(/^SUP-1\s+Cannot log in/);
    // A key nobody has, and one of a project Jane can't see, are not found.
    expect(await search("SUP-99")).toEqual([]);
    await pane.getByText("No issue SUP-99 that you can see").waitFor();
    await closeFinderList(pane);
    expect(await search("ENG-1")).toEqual([]);
    await closeFinderList(pane);
    await expectChosenIssue(pane, "SUP-1");
  });

  it("finds issues by a word of their summary, resolved ones when asked", async () => {
    // "renew" is in OPS-2's summary only (Jira's text search also reads descriptions and
    // comments: "certificate" would find SUP-1 by a comment).
    expect(await search("renew")).toEqual([
      {
        label: "Search results",
        options: ["OPS-2 Renew TLS certificate for the mail gateway In Progress"],
      },
    ]);
    await closeFinderList(pane);

    // OPS-3 "Printer on the 3rd floor is offline" is Done: hidden by default.
    const hide = addToIssueForm(pane).getByRole("switch", { name: "Hide resolved issues" });
    expect(await hide.isChecked()).toBe(true);
    expect(await search("printer")).toEqual([]);
    await pane.getByRole("option", { name: "No matching issues" }).waitFor();
    await closeFinderList(pane);
    await hide.click();
    expect(await hide.isChecked()).toBe(false);
    expect(await search("printer")).toEqual([
      { label: "Search results", options: ["OPS-3 Printer on the 3rd floor is offline Done"] },
    ]);
    await pane.getByRole("option", { name: /^OPS-3 Printer on the 3rd floor is offline/ }).click();
    expect(await expectChosenIssue(pane, "OPS-3")).toMatch(
      /^OPS-3\s+Printer on the 3rd floor is offline\s+Done$/
    );
  });
});
