import { startTransition, useEffect, useState, useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * Whether a form shows its parts below the first controls yet: false in the form's first render
 * in the browser, true from a render started in a task of its own right after the first one
 * committed, as a transition. A render to static markup (the unit tests, a server) has no second
 * render: there it is true at once (useSyncExternalStore's server snapshot tells the two apart).
 *
 * Why: the pane counts as ready when its Project picker can be used (docs/performance.md, row 2).
 * The whole New issue form at once (Fluent's Field, Combobox, Accordion, Checkbox and Textarea,
 * the styles each inserts on first use, the layout of it all), and again on each list that
 * arrives, cost about as much as React and Fluent themselves. In two steps the picker is usable
 * after the first, light one. The second is a transition: React renders it in slices, giving way
 * to anything urgent (the projects arriving, a key press) in between.
 *
 * Not useDeferredValue's initial value: inside a deferred render (the pane shows its work views in
 * one) React skips the initial value and renders the final one at once.
 */
export function useRestAfterFirstRender(): boolean {
  const staticRender = useSyncExternalStore(
    subscribeToNothing,
    () => false,
    () => true
  );
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    return () => clearTimeout(timer);
  }, [shown]);
  return staticRender || shown;
}
