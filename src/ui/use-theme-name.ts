import { useEffect, useState } from "react";
import type { ThemeName, ThemePort } from "./ports";

const darkScheme = "(prefers-color-scheme: dark)";

/** Office's theme when the host says; otherwise the operating system's light/dark preference. */
export function useThemeName(themePort: ThemePort, onError: (error: Error) => void): ThemeName {
  const [officeTheme, setOfficeTheme] = useState(() => themePort.current());
  const [systemDark, setSystemDark] = useState(
    () => window.matchMedia?.(darkScheme).matches ?? false
  );

  useEffect(() => themePort.subscribe(setOfficeTheme, onError), [themePort, onError]);
  useEffect(() => {
    const query = window.matchMedia?.(darkScheme);
    if (!query) return undefined;
    const handleChange = (event: MediaQueryListEvent) => setSystemDark(event.matches);
    query.addEventListener("change", handleChange);
    return () => query.removeEventListener("change", handleChange);
  }, []);

  return officeTheme ?? (systemDark ? "dark" : "light");
}
