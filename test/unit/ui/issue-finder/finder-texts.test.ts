/** The issue finder's words for an empty list and for what it is busy with. */
import { activateLanguage } from "../../../../src/i18n/translate";
import {
  emptyListText,
  finderBusyText,
  issueGroupLabel,
} from "../../../../src/ui/issue-finder/finder-texts";
import type { FinderProgress } from "../../../../src/ui/issue-finder/finder-texts";

const loaded: FinderProgress = { query: "", inEmail: "loaded", recent: "loaded", search: "idle" };

describe("emptyListText", () => {
  it("invites a search when there is nothing to suggest", () => {
    expect(emptyListText(loaded)).toBe("No suggestions: type a key or words of the summary");
    // A failed load is named by its own bar; the list still invites a search.
    expect(emptyListText({ ...loaded, recent: "failed" })).toBe(
      "No suggestions: type a key or words of the summary"
    );
  });

  it("says suggestions are coming while they load", () => {
    expect(emptyListText({ ...loaded, inEmail: "loading" })).toBe("Loading suggestions…");
    expect(emptyListText({ ...loaded, recent: "idle" })).toBe("Loading suggestions…");
  });

  it("follows the search of the typed text", () => {
    const typed = { ...loaded, query: "vpn" };
    expect(emptyListText({ ...typed, search: "waiting" })).toBe("Searching…");
    expect(emptyListText({ ...typed, search: "searching" })).toBe("Searching…");
    expect(emptyListText({ ...typed, search: "found" })).toBe("No matching issues");
    expect(emptyListText({ ...typed, search: "failed" })).toBe("The search failed");
  });

  it("names a key typed in full that Jira doesn't show", () => {
    expect(emptyListText({ ...loaded, query: "sup-99", search: "found" })).toBe(
      "No issue SUP-99 that you can see"
    );
  });
});

describe("finderBusyText", () => {
  it("says nothing when idle", () => {
    expect(finderBusyText(loaded)).toBe("");
  });

  it("names the email's lookup first, then the search, then the recent issues", () => {
    const everything: FinderProgress = {
      query: "vpn",
      inEmail: "loading",
      recent: "loading",
      search: "searching",
    };
    expect(finderBusyText(everything)).toBe("Looking for the issues this email names…");
    expect(finderBusyText({ ...everything, inEmail: "loaded" })).toBe("Searching issues…");
    expect(finderBusyText({ ...everything, inEmail: "failed", search: "found" })).toBe(
      "Loading your recent issues…"
    );
  });
});

describe("issueGroupLabel", () => {
  afterEach(async () => {
    await activateLanguage("en-US");
  });

  it("names the groups as the e2e tests find them", () => {
    const ids = ["inEmail", "recent", "searchResults"] as const;
    expect(ids.map(issueGroupLabel)).toEqual(["In this email", "Recent", "Search results"]);
  });

  it("speaks the user's language", async () => {
    await activateLanguage("de-DE");
    expect(issueGroupLabel("inEmail")).toBe("In dieser E-Mail");
    expect(emptyListText({ ...loaded, query: "sup-99", search: "found" })).toBe(
      "Kein für Sie sichtbarer Vorgang SUP-99"
    );
    expect(finderBusyText({ ...loaded, inEmail: "loading" })).toBe(
      "Die in dieser E-Mail genannten Vorgänge werden gesucht…"
    );
    await activateLanguage("fr-FR");
    expect(issueGroupLabel("searchResults")).toBe("Résultats de recherche");
    expect(emptyListText(loaded)).toBe(
      "Aucune suggestion\u00a0: saisissez une clé ou des mots du résumé"
    );
  });
});
