/**
 * A fixed-capacity FIFO: pushing into a full buffer evicts the oldest item. Push is O(1) (one slot written,
 * no shifting), memory is `capacity` slots however long it runs. Items are read by logical index, 0 = the
 * oldest, so a renderer can draw the visible rows straight from the buffer; `toArray` copies only when an
 * immutable snapshot is wanted (the live tail takes one per flush, a few times a second, never per line).
 */
export interface RingBuffer<T> {
  readonly capacity: number;
  readonly size: number;
  /** Items pushed since creation or `clear`, evicted ones included: changes whenever the contents do. */
  readonly pushed: number;
  /** Appends one item; returns how many were evicted to make room (0 or 1). */
  push(item: T): number;
  /** Appends items in order; returns how many were evicted (older items first, then the batch's own head). */
  pushAll(items: readonly T[]): number;
  /** Item at logical index `i` (0 = oldest), undefined outside [0, size). */
  at(i: number): T | undefined;
  /** The items, oldest first, as a new array. */
  toArray(): T[];
  clear(): void;
}

export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`Ring buffer capacity must be a positive integer, got ${capacity}`);
  let slots: Array<T | undefined> = new Array<T | undefined>(capacity);
  /** Slot of the oldest item. */
  let head = 0;
  let size = 0;
  let pushed = 0;

  const push = (item: T): number => {
    pushed++;
    if (size < capacity) {
      slots[(head + size) % capacity] = item;
      size++;
      return 0;
    }
    slots[head] = item;
    head = (head + 1) % capacity;
    return 1;
  };

  return {
    capacity,
    get size() {
      return size;
    },
    get pushed() {
      return pushed;
    },
    push,
    pushAll(items) {
      let evicted = 0;
      // A batch larger than the buffer: only its last `capacity` items can stay; the rest count as evicted.
      const skip = Math.max(0, items.length - capacity);
      if (skip > 0) {
        evicted += size + skip;
        pushed += skip;
        size = 0;
        head = 0;
      }
      for (let i = skip; i < items.length; i++) evicted += push(items[i]!);
      return evicted;
    },
    at(i) {
      if (!Number.isInteger(i) || i < 0 || i >= size) return undefined;
      return slots[(head + i) % capacity];
    },
    toArray() {
      const out = new Array<T>(size);
      const firstRun = Math.min(size, capacity - head);
      for (let i = 0; i < firstRun; i++) out[i] = slots[head + i] as T;
      for (let i = firstRun; i < size; i++) out[i] = slots[i - firstRun] as T;
      return out;
    },
    clear() {
      // A new array, so evicted items are not kept alive by stale slots.
      slots = new Array<T | undefined>(capacity);
      head = 0;
      size = 0;
      pushed = 0;
    },
  };
}
