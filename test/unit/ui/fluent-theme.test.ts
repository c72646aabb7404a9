import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentThemeFor } from "../../../src/ui/fluent-theme";

describe("fluentThemeFor", () => {
  it("draws light, dark and high contrast with Fluent's web and high-contrast themes", () => {
    expect(fluentThemeFor("light")).toBe(webLightTheme);
    expect(fluentThemeFor("dark")).toBe(webDarkTheme);
    expect(fluentThemeFor("highContrast")).toBe(teamsHighContrastTheme);
    // The high-contrast theme is black and white, as Office's contrast colours are.
    expect(teamsHighContrastTheme.colorNeutralBackground1).toBe("#000000");
    expect(teamsHighContrastTheme.colorNeutralForeground1).toBe("#ffffff");
  });
});
