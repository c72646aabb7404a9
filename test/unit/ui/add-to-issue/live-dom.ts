/**
 * A live React tree in a domino document (the DOM turndown uses in Node), for tests that need the
 * effects to run and the user to click: the finder loading and choosing, the links read, Done.
 * Jest's node environment has no DOM; domino gives `window`, `document` and `navigator`, set as
 * globals for this test file only (each file runs in its own context). Events are dispatched as
 * the browser would (bubbling, so React's root listener sees them), always inside `act`.
 */
import { act } from "react";
import type { ReactElement } from "react";

// domino's own typings declare the module as "domino"; its entry point is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const domino = require("@mixmark-io/domino") as {
  createWindow(html: string, url: string): Window & typeof globalThis;
};

/** A mounted tree and what a test does with it. */
export interface LiveDom {
  document: Document;
  render(element: ReactElement): Promise<void>;
  /** Lets effects, loads and timers of the tree settle (ticks of the event loop). */
  settle(ticks?: number): Promise<void>;
  click(element: Element): Promise<void>;
  /** Submits the form `element` is in (domino doesn't submit on a submit button's click). */
  submit(element: Element): Promise<void>;
  /** Runs `change` (a store change from outside the tree) as React expects it, then settles. */
  act(change: () => void): Promise<void>;
  /** Settles until `done` holds (throws after a while). */
  until(done: () => boolean): Promise<void>;
  unmount(): Promise<void>;
}

const win = domino.createWindow(
  "<!doctype html><html><head></head><body></body></html>",
  "https://addin.example.com/taskpane.html"
);
// No window of this document is ever focused: the pane's focus helpers then leave focus alone.
Object.assign(win.document, { hasFocus: () => false });

// The globals are set on the first liveDom(), after Fluent loaded: Fluent decides as it loads
// whether there is a DOM, and in one its focus manager (tabster) and style sheets need more of it
// than domino has. Without, it renders as on a server, and React's client still runs the tree.
function setGlobals(): void {
  Object.assign(globalThis, {
    window: win,
    document: win.document,
    IS_REACT_ACT_ENVIRONMENT: true,
  });
  if (!("navigator" in globalThis) || globalThis.navigator === undefined) {
    Object.defineProperty(globalThis, "navigator", {
      value: win.navigator ?? { userAgent: "node" },
      configurable: true,
    });
  }
}

/**
 * A React root in a fresh part of the document (async: react-dom's client reads `navigator` when
 * it loads, so it is imported after the globals are set).
 */
export async function liveDom(): Promise<LiveDom> {
  setGlobals();
  win.document.body.textContent = "";
  const container = win.document.createElement("div");
  win.document.body.appendChild(container);
  const { createRoot } = await import("react-dom/client");
  const root = createRoot(container);
  const settle = async (ticks = 30) => {
    await act(async () => {
      for (let tick = 0; tick < ticks; tick++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    });
  };
  const fire = async (element: Element, type: string) => {
    const event = win.document.createEvent("Event");
    event.initEvent(type, true, true);
    await act(async () => void element.dispatchEvent(event));
    await settle();
  };
  return {
    document: win.document,
    async render(element) {
      await act(async () => root.render(element));
      await settle();
    },
    settle,
    async click(element) {
      const event = win.document.createEvent("MouseEvents");
      event.initEvent("click", true, true);
      await act(async () => void element.dispatchEvent(event));
      await settle();
    },
    async submit(element) {
      const form = element.closest("form");
      if (!form) throw new Error("Not in a form");
      await fire(form, "submit");
    },
    async act(change) {
      await act(async () => change());
      await settle();
    },
    async until(done) {
      for (let round = 0; round < 20 && !done(); round++) await settle(10);
      if (!done()) throw new Error("Never settled");
    },
    async unmount() {
      await act(async () => root.unmount());
    },
  };
}

/** The button named `text` (its aria-label, else its text) under `root` (exactly one). */
export function buttonNamed(root: ParentNode, text: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll("button")).filter(
    (button) => (button.getAttribute("aria-label") ?? button.textContent?.trim()) === text
  );
  if (found.length !== 1) throw new Error(`${found.length} buttons "${text}"`);
  return found[0] as HTMLButtonElement;
}

/** Whether a control is disabled as the user meets it (disabled, or aria-disabled). */
export function isDisabled(element: Element): boolean {
  return element.hasAttribute("disabled") || element.getAttribute("aria-disabled") === "true";
}
