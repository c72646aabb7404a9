/**
 * Keeping the keyboard user's place when a view replaces the control they were on (the form gives
 * way to "Created SUP-12", and back). A removed focused element leaves focus on <body>; the pane
 * puts it on the control that took its place, but never takes it from another control, nor from
 * Outlook when the pane isn't focused (an add-in must not steal focus from the message list).
 */

/** The part of an element the decision needs (an HTMLElement in the pane; a stand-in in tests). */
export interface FocusableElement {
  focus(): void;
  readonly ownerDocument: {
    readonly activeElement: unknown;
    readonly body: unknown;
    hasFocus(): boolean;
  };
}

/**
 * Focuses `element` when focus was lost: the pane's document has focus but no control does. Use
 * it as a callback ref on the control that replaces the one just removed (refs attach after the
 * old elements are gone). Null (the ref detaching) does nothing.
 */
export function focusIfLost(element: FocusableElement | null): void {
  if (!element) return;
  const document = element.ownerDocument;
  if (!document.hasFocus()) return;
  const active = document.activeElement;
  if (active === null || active === document.body) element.focus();
}
