/**
 * Driving the pane with the keyboard alone, as a keyboard or screen reader user does: Tab through
 * the controls (recording where focus stops), check that the focused control is visibly focused,
 * and read the pane's live regions. Only keyboard input and programmatic focus, never a click.
 */
import type { Frame, Locator, Page } from "playwright-core";

/** A tab stop as the user meets it: the control's role (or tag) and its accessible name. */
export interface TabStop {
  readonly role: string;
  readonly name: string;
}

/**
 * Moves focus into the task pane, as Outlook's "move to the add-in" keyboard command (F6) does:
 * the pane's iframe gets focus, and the next Tab reaches the first control in the pane.
 */
export async function focusPaneFrame(page: Page): Promise<void> {
  await page.getByTitle("Task pane").focus();
}

/** The pane's focused control (null when focus isn't in the pane, or on its body). */
export async function focusedStop(pane: Frame): Promise<TabStop | null> {
  return pane.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!document.hasFocus() || !element || element === document.body) return null;
    // The accessible name the way the pane gives it: aria-label, aria-labelledby, a <label>, the
    // text (what is aria-hidden, such as a required field's "*", left out).
    const textOf = (node: Element | null | undefined) => {
      if (!node) return "";
      const copy = node.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return copy.textContent ?? "";
    };
    const byIds = (ids: string | null) =>
      (ids ?? "")
        .split(/\s+/)
        .map((id) => (id ? textOf(document.getElementById(id)) : ""))
        .join(" ")
        .trim();
    const labels = (element as HTMLInputElement).labels;
    const name =
      element.getAttribute("aria-label") ??
      (byIds(element.getAttribute("aria-labelledby")) ||
        (labels && labels.length > 0 ? textOf(labels[0]) : "") ||
        element.getAttribute("title") ||
        textOf(element));
    const role =
      element.getAttribute("role") ??
      (element instanceof HTMLInputElement
        ? `input:${element.type}`
        : element.tagName.toLowerCase());
    return { role, name: name.replace(/\s+/g, " ").trim() };
  });
}

/** True when `target` is the focused element of its document (and that document has focus). */
export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate(
    (element) => element.ownerDocument.hasFocus() && element.ownerDocument.activeElement === element
  );
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, at most `maxPresses` times; returns the
 * stops on the way, the target's last. Throws naming the stops when the target is never reached.
 */
export async function tabTo(
  page: Page,
  pane: Frame,
  target: Locator,
  { maxPresses = 25, backwards = false }: { maxPresses?: number; backwards?: boolean } = {}
): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const stop = await focusedStop(pane);
    stops.push(stop ?? { role: "(outside the pane)", name: "" });
    if (await isFocused(target)) return stops;
  }
  throw new Error(
    `Tab never reached ${target.toString()} in ${maxPresses} presses; it stopped at:\n` +
      stops.map((stop) => `  ${stop.role} "${stop.name}"`).join("\n")
  );
}

/**
 * Asserts that the focused `target` shows that it has focus: the pixels around it differ between
 * focused and not focused (caret hidden, animations finished), whatever draws the indicator
 * (an outline, Fluent's focus border, an underline). Focus is taken away and given back by script
 * only, which keeps the browser's and Fluent's keyboard mode.
 */
export async function expectVisibleFocus(page: Page, target: Locator): Promise<void> {
  if (!(await isFocused(target))) throw new Error(`${target.toString()} does not have focus.`);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`${target.toString()} is not visible.`);
  // Focus indicators are drawn around the control, or on a wrapper a few pixels out.
  const margin = 6;
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const x = Math.max(0, box.x - margin);
  const y = Math.max(0, box.y - margin);
  const clip = {
    x,
    y,
    width: Math.min(viewport.width - x, box.width + 2 * margin),
    height: Math.min(viewport.height - y, box.height + 2 * margin),
  };
  const shot = () => page.screenshot({ clip, caret: "hide", animations: "disabled" });
  const focused = await shot();
  await target.evaluate((element) => (element as HTMLElement).blur());
  const unfocused = await shot();
  await target.evaluate((element) => (element as HTMLElement).focus());
  if (!(await isFocused(target))) throw new Error(`${target.toString()} did not take focus back.`);
  if (focused.equals(unfocused)) {
    throw new Error(`${target.toString()} looks the same focused and not focused.`);
  }
}

/** Types `text` into the focused control, key by key. */
export async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

/**
 * Records every text the pane's polite and assertive live regions (role=status, role=alert,
 * aria-live) say from now on, in order, without repeats; read it with {@link spokenTexts}.
 * Texts that come and go quickly (Fluent's announcer clears its region after half a second)
 * are caught as they appear.
 */
export async function listenToLiveRegions(pane: Frame): Promise<void> {
  await pane.evaluate(() => {
    const heard: string[] = [];
    // A region's text as a screen reader reads it: its text pieces one after another, what is
    // aria-hidden (icons such as the Dismiss button's ✕) left out.
    const spokenText = (region: Element): string => {
      const pieces: string[] = [];
      const walker = document.createTreeWalker(
        region,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
        {
          acceptNode: (node) =>
            node instanceof Element && node.getAttribute("aria-hidden") === "true"
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_ACCEPT,
        }
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) pieces.push(node.textContent ?? "");
      }
      return pieces.join(" ").replace(/\s+/g, " ").trim();
    };
    const page = window as unknown as {
      __liveRegionTexts: string[];
      __spokenText: (region: Element) => string;
    };
    page.__liveRegionTexts = heard;
    page.__spokenText = spokenText;
    const selector = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';
    const regionOf = (node: Node | null): Element | null => {
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      return element?.closest(selector) ?? null;
    };
    const record = (region: Element | null) => {
      const text = region ? spokenText(region) : "";
      if (text && heard[heard.length - 1] !== text) heard.push(text);
    };
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        record(regionOf(mutation.target));
        for (const added of mutation.addedNodes) {
          if (added instanceof Element) {
            const inside = added.matches(selector)
              ? [added]
              : [...added.querySelectorAll(selector)];
            inside.forEach(record);
          }
        }
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The text of `region` as the live region listener records it (call that first). */
export async function spokenTextOf(region: Locator): Promise<string> {
  return region.evaluate((element) =>
    (window as unknown as { __spokenText: (region: Element) => string }).__spokenText(element)
  );
}

/** What the live regions said since {@link listenToLiveRegions}. */
export async function spokenTexts(pane: Frame): Promise<string[]> {
  return pane.evaluate(
    () => (window as unknown as { __liveRegionTexts?: string[] }).__liveRegionTexts ?? []
  );
}

/** Waits until a live region has said a text matching `pattern`; returns what was said. */
export async function waitUntilSpoken(
  pane: Frame,
  pattern: RegExp,
  timeout = 30_000
): Promise<string[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const texts = await spokenTexts(pane);
    if (texts.some((text) => pattern.test(text))) return texts;
    if (Date.now() > deadline) {
      throw new Error(`No live region said ${String(pattern)}; they said:\n${texts.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
