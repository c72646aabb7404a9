/**
 * Whether a memoized component's props are unchanged: each prop the same value (Object.is), an
 * array prop also when it holds the same items in the same order. The form's lists are built
 * again on every render (filtered, mapped) from items that stay the same objects while Jira's
 * answer does, so a list equal item by item needs no new render.
 */
export function sameProps<P extends object>(before: P, after: P): boolean {
  const keys = Object.keys(before) as Array<keyof P>;
  if (keys.length !== Object.keys(after).length) return false;
  return keys.every((key) => Object.hasOwn(after, key) && sameValue(before[key], after[key]));
}

function sameValue(before: unknown, after: unknown): boolean {
  if (Object.is(before, after)) return true;
  if (!Array.isArray(before) || !Array.isArray(after)) return false;
  return (
    before.length === after.length && before.every((item, index) => Object.is(item, after[index]))
  );
}
