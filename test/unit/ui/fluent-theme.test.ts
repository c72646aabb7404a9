import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentThemeFor, loadFluentThemes } from "../../../src/ui/fluent-theme";

describe("fluentThemeFor", () => {
  it("has light at once, and dark and high contrast once their chunk is loaded", async () => {
    expect(fluentThemeFor("light")).toBe(webLightTheme);
    expect(fluentThemeFor("dark")).toBeUndefined();
    expect(fluentThemeFor("highContrast")).toBeUndefined();
    await loadFluentThemes();
    expect(fluentThemeFor("dark")).toBe(webDarkTheme);
    expect(fluentThemeFor("highContrast")).toBe(teamsHighContrastTheme);
    // The high-contrast theme is black and white, as Office's contrast colours are.
    expect(teamsHighContrastTheme.colorNeutralBackground1).toBe("#000000");
    expect(teamsHighContrastTheme.colorNeutralForeground1).toBe("#ffffff");
  });
});
