import {
  CUSTOM_PROPERTIES_MAX_CHARS,
  decodeEmailLinks,
  encodeEmailLinks,
  fitEmailLinks,
  withLinkFirst,
} from "../../../src/office/email-links-codec";
import { JIRA, link } from "./issue-links";

const valid = { k: "SUP-12", i: "10012", u: JIRA, t: "c", d: "2026-11-30T09:15:00.000Z" };
const stored = (entries: unknown[], f: unknown = 1) => JSON.stringify({ f, l: entries });

describe("the stored email links format", () => {
  it("writes compact JSON with short keys and a format version, and reads it back", () => {
    const links = [link("SUP-12"), link("OPS-7", { kind: "commented", issueId: "20001" })];
    const value = encodeEmailLinks(links);

    expect(value).toBe(
      '{"f":1,"l":[{"k":"SUP-12","i":"10012","u":"https://jira.example.com","t":"c","d":"2026-11-30T09:15:00.000Z"},' +
        '{"k":"OPS-7","i":"20001","u":"https://jira.example.com","t":"m","d":"2026-11-30T09:15:00.000Z"}]}'
    );
    expect(decodeEmailLinks(value)).toEqual(links);
  });

  it.each([
    ["nothing stored", undefined],
    ["null", null],
    ["text that isn't JSON", "{not json"],
    ["a JSON array", "[]"],
    ["an unknown format version", stored([valid], 2)],
    ["no version", JSON.stringify({ l: [valid] })],
    ["links that aren't a list", JSON.stringify({ f: 1, l: { 0: valid } })],
    ["a number", 42],
  ])("reads %s as no links", (_label, value) => {
    expect(decodeEmailLinks(value)).toEqual([]);
  });

  it("drops malformed and hostile entries one by one and keeps the rest", () => {
    const value = stored([
      valid,
      { ...valid, k: "sup-1" },
      { ...valid, k: "SUP-1<script>" },
      { ...valid, k: "SUP-0" },
      { ...valid, k: 12 },
      { ...valid, i: "10x" },
      { ...valid, u: "javascript:alert(1)" },
      { ...valid, u: "https://user:secret@jira.example.com" },
      { ...valid, u: "https://jira.example.com/?next=evil" },
      { ...valid, u: "https://jira.example.com/" },
      { ...valid, u: `https://jira.example.com/${"a".repeat(3000)}` },
      { ...valid, t: "x" },
      { ...valid, d: "yesterday" },
      { ...valid, d: `2026-11-30T09:15:00Z${" ".repeat(50)}` },
      "SUP-3",
      null,
      [valid],
      { ...valid, k: "OPS-7", u: "http://127.0.0.1:8080/jira", t: "m" },
    ]);
    expect(decodeEmailLinks(value)).toEqual([
      link("SUP-12"),
      link("OPS-7", { jiraBaseUrl: "http://127.0.0.1:8080/jira", kind: "commented" }),
    ]);
  });

  it("keeps keys of every project key Jira can be configured to allow", () => {
    const keys = ["A-1", "R2D2-7", "MY_PROJECT_2013-12", `${"P".repeat(255)}-1`];
    const value = stored(keys.map((k) => ({ ...valid, k })));
    expect(decodeEmailLinks(value).map((kept) => kept.issueKey)).toEqual(keys);
    expect(decodeEmailLinks(stored([{ ...valid, k: `${"P".repeat(256)}-1` }]))).toEqual([]);
  });

  it("keeps only the first entry for the same issue in the same Jira", () => {
    const older = { ...valid, d: "2025-01-01T00:00:00.000Z" };
    const otherJira = { ...valid, u: "https://jira.other.example" };
    expect(decodeEmailLinks(stored([valid, older, otherJira]))).toEqual([
      link("SUP-12"),
      link("SUP-12", { jiraBaseUrl: "https://jira.other.example" }),
    ]);
  });

  it("accepts the links as an object value too (what a client may hand back)", () => {
    expect(decodeEmailLinks({ f: 1, l: [valid] })).toEqual([link("SUP-12")]);
  });
});

describe("adding a link", () => {
  it("puts it first and replaces the entry for the same issue key in the same Jira", () => {
    const links = [
      link("OPS-7"),
      link("SUP-12", { kind: "commented", linkedAt: "2025-01-01T00:00:00.000Z" }),
    ];
    const refreshed = link("SUP-12", { kind: "commented" });
    expect(withLinkFirst(links, refreshed)).toEqual([refreshed, link("OPS-7")]);
    const elsewhere = link("OPS-7", { jiraBaseUrl: "https://jira.other.example" });
    expect(withLinkFirst(links, elsewhere)).toEqual([elsewhere, ...links]);
  });

  it("keeps 'created' over 'commented' for the same issue, and the newer date", () => {
    const created = link("SUP-12", { linkedAt: "2026-11-30T09:15:00.000Z" });
    const commented = link("SUP-12", { kind: "commented", linkedAt: "2026-12-01T08:00:00.000Z" });
    expect(withLinkFirst([link("OPS-7"), created], commented)).toEqual([
      { ...created, linkedAt: "2026-12-01T08:00:00.000Z" },
      link("OPS-7"),
    ]);
    // A link recorded late (its delivery finished after the other) keeps the newest date.
    const earlierComment = { ...commented, linkedAt: "2026-11-01T00:00:00.000Z" };
    expect(withLinkFirst([created], earlierComment)).toEqual([created]);
    // Created after a comment: created, as for any new link.
    expect(withLinkFirst([commented], created)).toEqual([
      { ...created, linkedAt: commented.linkedAt },
    ]);
  });

  it("drops the oldest until the JSON of all the item's properties fits in 2,500 characters", () => {
    const links = Array.from({ length: 40 }, (_, index) => link(`SUP-${index + 1}`));
    const others = { note: "x".repeat(600) };
    const value = fitEmailLinks(links, others);

    const all = JSON.stringify({ ...others, jiraLinks: value });
    expect(all.length).toBeLessThanOrEqual(CUSTOM_PROPERTIES_MAX_CHARS);
    const kept = decodeEmailLinks(value);
    expect(kept[0]).toEqual(links[0]);
    expect(kept).toEqual(links.slice(0, kept.length));
    // One more link would not have fitted.
    const oneMore = encodeEmailLinks(links.slice(0, kept.length + 1));
    expect(JSON.stringify({ ...others, jiraLinks: oneMore }).length).toBeGreaterThan(
      CUSTOM_PROPERTIES_MAX_CHARS
    );
  });

  it("keeps the newest link even when it can't fit (saving then fails and Outlook says why)", () => {
    const value = fitEmailLinks([link("SUP-1"), link("SUP-2")], { big: "x".repeat(2500) });
    expect(decodeEmailLinks(value)).toEqual([link("SUP-1")]);
  });
});
