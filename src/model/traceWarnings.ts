import type { Span } from './trace';

/** How many spans a warning names before it says "and N more": a 100,000-span trace must not get a 100,000-name warning. */
const MAX_EXAMPLES = 3;

/**
 * Collects one kind of adjustment over many spans and words it as one warning, so the header lists each kind
 * once with a count and the first few spans by name and ID.
 */
export class WarningTally {
  private count = 0;
  private readonly examples: string[] = [];

  constructor(private readonly describe: (count: number) => string) {}

  add(span: Pick<Span, 'name' | 'spanId'>, detail?: string): void {
    this.count++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push(spanLabel(span) + (detail ? ` ${detail}` : ''));
  }

  get size(): number {
    return this.count;
  }

  /** The warning text, or undefined when nothing was tallied. */
  text(): string | undefined {
    if (this.count === 0) return undefined;
    const more = this.count > this.examples.length ? `, and ${this.count - this.examples.length} more` : '';
    return `${this.describe(this.count)}: ${this.examples.join(', ')}${more}`;
  }
}

/** `'GET /cart' (a1b2c3)`: how warnings name a span; the name alone is ambiguous, the ID alone unreadable. */
export function spanLabel(span: Pick<Span, 'name' | 'spanId'>): string {
  return `'${span.name}' (${span.spanId})`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `one` for a count of 1, else `many`: for the verbs of a warning ("was shifted", "were shifted"). */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

export function pushTallies(warnings: string[], tallies: readonly WarningTally[]): void {
  for (const t of tallies) {
    const text = t.text();
    if (text !== undefined) warnings.push(text);
  }
}
