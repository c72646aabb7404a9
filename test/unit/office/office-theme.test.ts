import { chooseThemeName, createOfficeTheme, themeNameOf } from "../../../src/office/office-theme";
import type { ThemeName } from "../../../src/ui/ports";
import { installOutlook, succeedLater } from "./fake-outlook";
import type { Callback } from "./fake-outlook";
import { removeOfficeGlobal } from "../../support/fake-office-global";

describe("themeNameOf", () => {
  it.each([
    ["#FFFFFF", "light"],
    ["#f3f2f1", "light"],
    ["#808080", "light"],
    ["#1F1F1F", "dark"],
    ["292929", "dark"],
    ["#000000", "dark"],
  ])("reads %s as %s", (bodyBackgroundColor, expected) => {
    expect(themeNameOf({ bodyBackgroundColor })).toBe(expected);
  });

  it("reads black with white text as high contrast, Outlook's dark theme as dark", () => {
    expect(themeNameOf({ bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" })).toBe(
      "highContrast"
    );
    expect(themeNameOf({ bodyBackgroundColor: "#292929", bodyForegroundColor: "#FFFFFF" })).toBe(
      "dark"
    );
    // Near-black with grey text is a dark theme, not a contrast theme.
    expect(themeNameOf({ bodyBackgroundColor: "#0A0A0A", bodyForegroundColor: "#D6D6D6" })).toBe(
      "dark"
    );
    // Black on white is what a light theme may report too: forced-colors tells that case.
    expect(themeNameOf({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" })).toBe(
      "light"
    );
  });

  it("returns null when Office gives no usable colour", () => {
    expect(themeNameOf(undefined)).toBeNull();
    expect(themeNameOf({ bodyBackgroundColor: "" })).toBeNull();
    expect(themeNameOf({ bodyBackgroundColor: "white" })).toBeNull();
  });
});

describe("chooseThemeName", () => {
  it.each<[ThemeName | null, boolean, boolean, ThemeName]>([
    // Office's theme first…
    ["light", false, true, "light"],
    ["dark", false, false, "dark"],
    ["highContrast", false, false, "highContrast"],
    // …the operating system's when Office gives none…
    [null, false, true, "dark"],
    [null, false, false, "light"],
    // …and high contrast whenever colours are forced, whatever Office says.
    ["light", true, false, "highContrast"],
    ["dark", true, true, "highContrast"],
    [null, true, false, "highContrast"],
  ])("office %s, forced colours %s, dark system %s: %s", (office, forced, systemDark, expected) => {
    expect(chooseThemeName({ office, forcedColors: forced, systemDark })).toBe(expected);
  });
});

/** A MediaQueryList the test flips. */
class FakeMediaQuery {
  matches = false;
  private readonly listeners = new Set<() => void>();
  addEventListener(_type: "change", listener: () => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: "change", listener: () => void): void {
    this.listeners.delete(listener);
  }
  set(matches: boolean): void {
    this.matches = matches;
    this.listeners.forEach((listener) => listener());
  }
  get listenerCount(): number {
    return this.listeners.size;
  }
}

describe("createOfficeTheme", () => {
  let media: Record<string, FakeMediaQuery>;
  let themeHandler: ((event: unknown) => void) | undefined;

  beforeEach(() => {
    media = {
      "(prefers-color-scheme: dark)": new FakeMediaQuery(),
      "(forced-colors: active)": new FakeMediaQuery(),
    };
    (globalThis as Record<string, unknown>).window = {
      matchMedia: (query: string) => media[query],
    };
    themeHandler = undefined;
  });

  afterEach(async () => {
    // Office answers the handler calls on later timers: let them finish while Office is there.
    await new Promise((resolve) => setTimeout(resolve, 20));
    delete (globalThis as Record<string, unknown>).window;
    removeOfficeGlobal();
  });

  function installClient(mailboxVersion: string, officeTheme: unknown): void {
    installOutlook(mailboxVersion, {
      addHandlerAsync(_type: string, handler: (event: unknown) => void, callback: Callback<void>) {
        themeHandler = handler;
        succeedLater(callback, undefined);
      },
      removeHandlerAsync(_type: string, callback: Callback<void>) {
        succeedLater(callback, undefined);
      },
    });
    (Office.context as unknown as Record<string, unknown>).officeTheme = officeTheme;
  }

  it("follows Office's theme changes, and forced colours over all of them", async () => {
    installClient("1.14", { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#242424" });
    const theme = createOfficeTheme();
    const seen: ThemeName[] = [];
    const onError = jest.fn();
    const unsubscribe = theme.subscribe((name) => seen.push(name), onError);
    expect(theme.current()).toBe("light");

    themeHandler?.({
      officeTheme: { bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" },
    });
    themeHandler?.({
      officeTheme: { bodyBackgroundColor: "#292929", bodyForegroundColor: "#FFFFFF" },
    });
    media["(forced-colors: active)"]!.set(true);
    media["(forced-colors: active)"]!.set(false);
    expect(seen).toEqual(["highContrast", "dark", "highContrast", "dark"]);

    unsubscribe();
    expect(media["(forced-colors: active)"]!.listenerCount).toBe(0);
    expect(media["(prefers-color-scheme: dark)"]!.listenerCount).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onError).not.toHaveBeenCalled(); // the handler registered and went without a failure
  });

  it("falls back to the operating system without an Office theme (Mailbox 1.5)", () => {
    installClient("1.5", undefined);
    media["(prefers-color-scheme: dark)"]!.matches = true;
    const theme = createOfficeTheme();
    const seen: ThemeName[] = [];
    theme.subscribe((name) => seen.push(name), jest.fn());
    expect(theme.current()).toBe("dark");
    media["(prefers-color-scheme: dark)"]!.set(false);
    media["(forced-colors: active)"]!.set(true);
    expect(seen).toEqual(["light", "highContrast"]);
    expect(themeHandler).toBeUndefined(); // no OfficeThemeChanged before Mailbox 1.14
  });
});
