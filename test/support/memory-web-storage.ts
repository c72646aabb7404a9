/**
 * A small in-memory Web Storage (the part of localStorage the pane's caches use), for Node tests:
 * `quota` (characters of keys and values) makes setItem throw the browser's QuotaExceededError,
 * `failWrites` makes every setItem throw (storage disabled).
 */
export class MemoryWebStorage {
  readonly items = new Map<string, string>();
  quota = Infinity;
  failWrites = false;

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException("The operation is insecure.", "SecurityError");
    const others = [...this.items].filter(([other]) => other !== key);
    const used = others.reduce((sum, [name, text]) => sum + name.length + text.length, 0);
    if (used + key.length + value.length > this.quota) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  /** Characters of keys and values held. */
  usedChars(): number {
    return [...this.items].reduce((sum, [name, text]) => sum + name.length + text.length, 0);
  }
}
