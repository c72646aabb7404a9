import { useEffect, useState } from "react";
import type { ThemeName, ThemePort } from "./ports";

/** The host's light/dark theme, following its changes. */
export function useThemeName(themePort: ThemePort, onError: (error: Error) => void): ThemeName {
  const [theme, setTheme] = useState(() => themePort.current());
  useEffect(() => themePort.subscribe(setTheme, onError), [themePort, onError]);
  return theme;
}
