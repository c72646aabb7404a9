import { themeNameOf } from "../../../src/office/office-theme";

describe("themeNameOf", () => {
  it.each([
    ["#FFFFFF", "light"],
    ["#f3f2f1", "light"],
    ["#1F1F1F", "dark"],
    ["292929", "dark"],
    ["#000000", "dark"],
  ])("reads %s as %s", (bodyBackgroundColor, expected) => {
    expect(themeNameOf({ bodyBackgroundColor })).toBe(expected);
  });

  it("returns null when Office gives no usable colour", () => {
    expect(themeNameOf(undefined)).toBeNull();
    expect(themeNameOf({ bodyBackgroundColor: "" })).toBeNull();
    expect(themeNameOf({ bodyBackgroundColor: "white" })).toBeNull();
  });
});
