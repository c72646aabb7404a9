import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import type { ThemeName } from "./ports";

/**
 * The Fluent theme the pane draws with for the host's theme. High contrast uses Fluent v9's only
 * high-contrast theme, teamsHighContrastTheme (black background, white text, yellow and cyan
 * accents), which matches the black-and-white colours Office reports in a contrast theme.
 */
export function fluentThemeFor(themeName: ThemeName): Theme {
  switch (themeName) {
    case "dark":
      return webDarkTheme;
    case "highContrast":
      return teamsHighContrastTheme;
    case "light":
      return webLightTheme;
  }
}
