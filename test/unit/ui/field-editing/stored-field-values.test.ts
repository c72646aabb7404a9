/**
 * Field values read back from a stored draft: what another version wrote, damaged or planted
 * entries are dropped one by one, the rest of the draft survives.
 */
import { parseStoredFieldValues } from "../../../../src/ui/field-editing/field-values";

describe("parseStoredFieldValues", () => {
  it("keeps well-formed values of every shape as they are", () => {
    const stored = {
      customfield_10102: { type: "text", value: "REF-1" },
      customfield_10100: { type: "ids", ids: ["10202"] },
      labels: { type: "labels", labels: ["email", "vpn"] },
      assignee: { type: "users", users: [{ name: "jane", displayName: "Jane Doe" }] },
      duedate: { type: "text", value: "" },
      components: { type: "ids", ids: [] },
    };
    expect(parseStoredFieldValues(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it("gives no values for anything but a map", () => {
    for (const value of [null, undefined, "text", 42, true, [], [{ type: "text", value: "x" }]]) {
      expect(parseStoredFieldValues(value)).toEqual({});
    }
  });

  it("drops bad entries one by one and keeps the others", () => {
    const stored = {
      good: { type: "text", value: "kept" },
      noType: { value: "x" },
      unknownType: { type: "html", value: "<b>x</b>" },
      textNotString: { type: "text", value: 42 },
      idsNotArray: { type: "ids", ids: "10202" },
      idsNotStrings: { type: "ids", ids: ["1", 2] },
      idsEmptyString: { type: "ids", ids: [""] },
      labelsObjects: { type: "labels", labels: [{ toString: "x" }] },
      usersWithoutName: { type: "users", users: [{ displayName: "Jane" }] },
      usersNotObjects: { type: "users", users: ["jane"] },
      nullValue: null,
      arrayValue: [],
      "bad id with spaces": { type: "text", value: "x" },
      "": { type: "text", value: "x" },
      "1starts-with-digit": { type: "text", value: "x" },
    };
    expect(parseStoredFieldValues(stored)).toEqual({ good: { type: "text", value: "kept" } });
  });

  it("keeps only the value's own properties, and fills a missing display name from the name", () => {
    expect(
      parseStoredFieldValues({
        a: { type: "text", value: "x", extra: "<script>", onerror: "alert(1)" },
        b: { type: "users", users: [{ name: "jane", displayName: 7, avatar: "http://evil" }] },
        c: { type: "ids", ids: ["1", "1", "2"] },
        d: { type: "labels", labels: ["x", "x"] },
        e: { type: "users", users: [{ name: "jane" }, { name: "jane", displayName: "Dup" }] },
      })
    ).toEqual({
      a: { type: "text", value: "x" },
      b: { type: "users", users: [{ name: "jane", displayName: "jane" }] },
      c: { type: "ids", ids: ["1", "2"] },
      d: { type: "labels", labels: ["x"] },
      e: { type: "users", users: [{ name: "jane", displayName: "jane" }] },
    });
  });

  it("ignores __proto__ and constructor tricks without touching Object.prototype", () => {
    const planted = JSON.parse(
      '{"__proto__": {"type": "text", "value": "polluted", "polluted": true},' +
        ' "constructor": {"type": "text", "value": "c"},' +
        ' "x": {"type": "ids", "ids": ["1"], "__proto__": {"ids": ["2"]}}}'
    );
    const values = parseStoredFieldValues(planted);
    expect(Object.keys(values).sort()).toEqual(["constructor", "x"]);
    expect(values.x).toEqual({ type: "ids", ids: ["1"] });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("drops values too large for any real field", () => {
    const many = Array.from({ length: 501 }, (_, index) => String(index));
    const values = parseStoredFieldValues({
      hugeText: { type: "text", value: "x".repeat(100_001) },
      longId: { type: "ids", ids: ["1".repeat(256)] },
      tooManyIds: { type: "ids", ids: many },
      tooManyLabels: { type: "labels", labels: many },
      longName: { type: "users", users: [{ name: "n".repeat(256), displayName: "N" }] },
      bigButFine: { type: "text", value: "x".repeat(100_000) },
    });
    expect(Object.keys(values)).toEqual(["bigButFine"]);
    const tooManyFields = Object.fromEntries(
      Array.from({ length: 501 }, (_, index) => [`f${index}`, { type: "text", value: "x" }])
    );
    expect(parseStoredFieldValues(tooManyFields)).toEqual({});
  });

  it("replaces a display name that is blank or too long by the name", () => {
    expect(
      parseStoredFieldValues({
        a: { type: "users", users: [{ name: "jane", displayName: "  " }] },
        b: { type: "users", users: [{ name: "john", displayName: "J".repeat(256) }] },
      })
    ).toEqual({
      a: { type: "users", users: [{ name: "jane", displayName: "jane" }] },
      b: { type: "users", users: [{ name: "john", displayName: "john" }] },
    });
  });
});
