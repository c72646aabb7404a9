import type { ThemeName, ThemePort, Unsubscribe } from "../ui/ports";
import { subscribeMailboxEvent } from "./outlook-mailbox";
import { detectMailboxCapabilities } from "./requirement-sets";

const darkScheme = "(prefers-color-scheme: dark)";
/**
 * A contrast theme is on (Windows high contrast): the browser engine forces the system's colours
 * (https://developer.mozilla.org/docs/Web/CSS/@media/forced-colors). Outlook's WebView2 and Edge
 * report it; Office's theme colours may not say so.
 */
const forcedColors = "(forced-colors: active)";

/**
 * The ThemePort over Office.context.officeTheme. Outlook gives colours, not a name: the pane is
 * dark when Outlook's body background is dark, high contrast when Outlook's colours are black and
 * white or the browser forces colours. When Outlook gives no theme, the operating system's
 * preference decides. Theme change events need Mailbox 1.14; older clients keep the theme the
 * pane started with (Outlook reloads add-ins on most theme switches). The media queries are
 * followed everywhere.
 */
export function createOfficeTheme(): ThemePort {
  const media = (query: string) =>
    typeof window.matchMedia === "function" ? window.matchMedia(query) : null;
  const system = media(darkScheme);
  const forced = media(forcedColors);
  let officeTheme = themeNameOf(Office.context.officeTheme);
  const current = (): ThemeName =>
    chooseThemeName({
      office: officeTheme,
      forcedColors: forced?.matches ?? false,
      systemDark: system?.matches ?? false,
    });

  return {
    current,
    subscribe: (listener, onError) => {
      const unsubscribers: Unsubscribe[] = [];
      for (const query of [system, forced]) {
        if (!query) continue;
        const handleMediaChange = () => listener(current());
        query.addEventListener("change", handleMediaChange);
        unsubscribers.push(() => query.removeEventListener("change", handleMediaChange));
      }
      if (detectMailboxCapabilities().themeEvents) {
        const handleOfficeChange = (event: unknown) => {
          officeTheme =
            themeNameOf((event as Office.OfficeThemeChangedEventArgs).officeTheme) ?? officeTheme;
          listener(current());
        };
        unsubscribers.push(
          subscribeMailboxEvent(
            Office.context.mailbox,
            Office.EventType.OfficeThemeChanged,
            handleOfficeChange,
            onError
          )
        );
      }
      return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
    },
  };
}

/** What the pane's theme is chosen from. */
export interface ThemeSignals {
  /** What Office's theme colours say ({@link themeNameOf}); null when Office gives none. */
  readonly office: ThemeName | null;
  /** `(forced-colors: active)` matches: a contrast theme is on. */
  readonly forcedColors: boolean;
  /** `(prefers-color-scheme: dark)` matches: the operating system is dark. */
  readonly systemDark: boolean;
}

/**
 * The pane's theme: high contrast whenever either Office or the browser says a contrast theme is
 * on (readability comes first), else Office's theme, else the operating system's.
 */
export function chooseThemeName(signals: ThemeSignals): ThemeName {
  if (signals.forcedColors || signals.office === "highContrast") return "highContrast";
  return signals.office ?? (signals.systemDark ? "dark" : "light");
}

/**
 * Office's theme colours as a theme name: "highContrast" when the body is black with white text
 * (what Office reports under a dark Windows contrast theme: a contrast ratio of 20:1 or more, where
 * Outlook's own dark theme stays near 15:1), "dark" when the background is dark, else "light";
 * null when Office gives no usable colour. A light contrast theme is told by forced-colors alone:
 * black on white is also what an ordinary light theme may report.
 */
export function themeNameOf(
  theme:
    Partial<Pick<Office.OfficeTheme, "bodyBackgroundColor" | "bodyForegroundColor">> | undefined
): ThemeName | null {
  const background = rgbOf(theme?.bodyBackgroundColor);
  if (!background) return null;
  const backgroundLuminance = relativeLuminance(background);
  if (backgroundLuminance >= 0.18) return "light";
  const foreground = rgbOf(theme?.bodyForegroundColor);
  if (foreground && contrastRatio(relativeLuminance(foreground), backgroundLuminance) >= 20) {
    return "highContrast";
  }
  return "dark";
}

type Rgb = readonly [number, number, number];

function rgbOf(color: string | undefined): Rgb | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(color ?? "");
  if (!match) return null;
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * WCAG 2 relative luminance of an sRGB colour
 * (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). 0.18 is where black and white text
 * have the same contrast against it: darker backgrounds are "dark".
 */
function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio), 1 to 21. */
function contrastRatio(lighter: number, darker: number): number {
  const [high, low] = lighter >= darker ? [lighter, darker] : [darker, lighter];
  return (high + 0.05) / (low + 0.05);
}
