/**
 * The Fluent theme the pane draws with for the host's theme. Light is in the first-paint bundle;
 * dark and high contrast load as a small chunk (fluent-other-themes.ts) when first needed: the
 * composition root loads it before the first render when Office starts in one of them, and
 * {@link useFluentTheme} when Office switches to one later (the pane keeps its current theme until
 * the chunk is in: a few ms, no flash of light).
 *
 * High contrast uses Fluent v9's only high-contrast theme, teamsHighContrastTheme (black
 * background, white text, yellow and cyan accents), which matches the black-and-white colours
 * Office reports in a contrast theme.
 */
import { webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import { useEffect, useState, useSyncExternalStore } from "react";
import type * as OtherThemesModule from "./fluent-other-themes";
import type { ThemeName } from "./ports";

type OtherThemes = typeof OtherThemesModule;

let otherThemes: OtherThemes | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/**
 * Loads the dark and high-contrast themes (once; a failed load is tried again on the next call).
 *
 * @throws what the chunk's download threw (the pane then stays in its current theme).
 */
export function loadFluentThemes(): Promise<void> {
  if (otherThemes) return Promise.resolve();
  loading ??= import(/* webpackChunkName: "themes" */ "./fluent-other-themes").then(
    (themes) => {
      otherThemes = themes;
      for (const listener of [...listeners]) listener();
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    }
  );
  return loading;
}

/** The theme for `themeName`; undefined while it is dark or high contrast and not loaded yet. */
export function fluentThemeFor(themeName: ThemeName): Theme | undefined {
  switch (themeName) {
    case "light":
      return webLightTheme;
    case "dark":
      return otherThemes?.webDarkTheme;
    case "highContrast":
      return otherThemes?.teamsHighContrastTheme;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const loadedThemes = () => otherThemes;

/**
 * The theme to draw `themeName` with, loading it when needed; until it is in, the theme drawn
 * before (light at first).
 */
export function useFluentTheme(themeName: ThemeName): Theme {
  useSyncExternalStore(subscribe, loadedThemes, loadedThemes);
  const [shown, setShown] = useState<Theme>(webLightTheme);
  const wanted = fluentThemeFor(themeName);
  // Remembered as the render goes (React's pattern for state derived from props).
  if (wanted && wanted !== shown) setShown(wanted);
  useEffect(() => {
    if (!wanted) {
      loadFluentThemes().catch((error: unknown) =>
        console.error(`The ${themeName} theme could not be loaded.`, error)
      );
    }
  }, [wanted, themeName]);
  return wanted ?? shown;
}
