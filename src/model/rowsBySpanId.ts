/**
 * Span ID → row, read through the resolver's span ID → node map and the node → row column, so building a tree
 * writes no second 100,000-entry map. `get` and `has` cost one lookup; iterating builds the plain map once.
 */
export class RowsBySpanId implements ReadonlyMap<string, number> {
  private materialized: Map<string, number> | undefined;

  constructor(
    private readonly nodeBySpanId: ReadonlyMap<string, number>,
    private readonly rowOfNode: Int32Array,
  ) {}

  /**
   * The map again after a structured clone (a worker's postMessage), which keeps an instance's fields and drops
   * its class: a tree built in the trace-file worker arrives with a plain object here, and no `get`.
   */
  static revive(cloned: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
    if (cloned instanceof RowsBySpanId || cloned instanceof Map) return cloned;
    const fields = cloned as unknown as { nodeBySpanId: ReadonlyMap<string, number>; rowOfNode: Int32Array };
    return new RowsBySpanId(fields.nodeBySpanId, fields.rowOfNode);
  }

  get size(): number {
    return this.nodeBySpanId.size;
  }

  get(spanId: string): number | undefined {
    const node = this.nodeBySpanId.get(spanId);
    return node === undefined ? undefined : this.rowOfNode[node];
  }

  has(spanId: string): boolean {
    return this.nodeBySpanId.has(spanId);
  }

  forEach(callback: (row: number, spanId: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    this.all().forEach((row, spanId) => callback.call(thisArg, row, spanId, this));
  }

  entries(): MapIterator<[string, number]> {
    return this.all().entries();
  }

  keys(): MapIterator<string> {
    return this.all().keys();
  }

  values(): MapIterator<number> {
    return this.all().values();
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.all()[Symbol.iterator]();
  }

  private all(): Map<string, number> {
    if (this.materialized === undefined) {
      this.materialized = new Map();
      for (const [spanId, node] of this.nodeBySpanId) this.materialized.set(spanId, this.rowOfNode[node]!);
    }
    return this.materialized;
  }
}
