// What the draft page could not draw (a malformed remote caret or presence entry, a paragraph
// whose decorations failed), so the page can skip it, keep the rest, and say how many.
//
//   const label = skipped.guard(`caret:${id}`, () => render(user), fallback);
//   const count = useSkippedCount(skipped); // "2 items could not be shown"
import { useSyncExternalStore } from 'react';

export class SkippedItems {
  private readonly keys = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private count = 0;

  /** Records that the item `key` could not be shown (once per key). */
  add(key: string, error?: unknown): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    // Visible to developers; the page itself only shows the count.
    if (error !== undefined) console.warn(`Could not show ${key}`, error);
    this.publish();
  }

  /** The item shows again (a later, valid state replaced the bad one). */
  delete(key: string): void {
    if (this.keys.delete(key)) this.publish();
  }

  /** Runs `draw`; when it throws, records `key` and returns `fallback` instead. */
  guard<T>(key: string, draw: () => T, fallback: T): T {
    try {
      const drawn = draw();
      this.delete(key);
      return drawn;
    } catch (error) {
      this.add(key, error);
      return fallback;
    }
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): number => this.count;

  private publish(): void {
    if (this.count === this.keys.size) return;
    this.count = this.keys.size;
    for (const listener of [...this.listeners]) listener();
  }
}

export function useSkippedCount(skipped: SkippedItems): number {
  return useSyncExternalStore(skipped.subscribe, skipped.getSnapshot);
}
