import type { ThemeName, ThemePort, Unsubscribe } from "../ui/ports";
import { subscribeMailboxEvent } from "./outlook-mailbox";
import { detectMailboxCapabilities } from "./requirement-sets";

const darkScheme = "(prefers-color-scheme: dark)";

/**
 * The ThemePort over Office.context.officeTheme. Outlook gives colours, not a name: the pane is
 * dark when Outlook's body background is dark. When Outlook gives no theme, the operating
 * system's preference decides. Theme change events need Mailbox 1.14; older clients keep the
 * theme the pane started with (Outlook reloads add-ins on most theme switches).
 */
export function createOfficeTheme(): ThemePort {
  const system = typeof window.matchMedia === "function" ? window.matchMedia(darkScheme) : null;
  let officeTheme = themeNameOf(Office.context.officeTheme);
  const current = (): ThemeName => officeTheme ?? (system?.matches ? "dark" : "light");

  return {
    current,
    subscribe: (listener, onError) => {
      const unsubscribers: Unsubscribe[] = [];
      if (system) {
        const handleSystemChange = () => listener(current());
        system.addEventListener("change", handleSystemChange);
        unsubscribers.push(() => system.removeEventListener("change", handleSystemChange));
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

/** "dark" when the background colour is dark; null when Office gives no usable colour. */
export function themeNameOf(
  theme: Pick<Office.OfficeTheme, "bodyBackgroundColor"> | undefined
): ThemeName | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(theme?.bodyBackgroundColor ?? "");
  if (!match) return null;
  const value = parseInt(match[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  // Relative luminance (ITU-R BT.709 weights) of the sRGB colour, good enough to tell dark from light.
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance < 0.5 ? "dark" : "light";
}
