/** focusIfLost: where focus goes when the control the user was on disappears. */
import { focusIfLost } from "../../../src/ui/focus";
import type { FocusableElement } from "../../../src/ui/focus";

function element(document: { activeElement: unknown; hasFocus: boolean }) {
  const body = { tag: "body" };
  const target = {
    focus: jest.fn(),
    ownerDocument: {
      activeElement: document.activeElement === "body" ? body : document.activeElement,
      body,
      hasFocus: () => document.hasFocus,
    },
  } satisfies FocusableElement;
  return target;
}

describe("focusIfLost", () => {
  it("takes the focus the removed control left on <body>", () => {
    const target = element({ activeElement: "body", hasFocus: true });
    focusIfLost(target);
    expect(target.focus).toHaveBeenCalledTimes(1);
  });

  it("takes the focus when no element holds it at all", () => {
    const target = element({ activeElement: null, hasFocus: true });
    focusIfLost(target);
    expect(target.focus).toHaveBeenCalledTimes(1);
  });

  it("never takes the focus from another control", () => {
    const target = element({ activeElement: { tag: "input" }, hasFocus: true });
    focusIfLost(target);
    expect(target.focus).not.toHaveBeenCalled();
  });

  it("never takes the focus from Outlook when the pane doesn't have it", () => {
    const target = element({ activeElement: "body", hasFocus: false });
    focusIfLost(target);
    expect(target.focus).not.toHaveBeenCalled();
  });

  it("does nothing when the ref detaches", () => {
    expect(() => focusIfLost(null)).not.toThrow();
  });
});
