/**
 * Warnings of one kind counted, not repeated: a 100,000-span file whose every span ends before it starts
 * says so once, with the count and the first example, instead of 100,000 lines.
 */
export class WarningTally {
  private readonly byKey = new Map<string, { text: string; count: number; example: string }>();

  add(key: string, text: string, example: string): void {
    const seen = this.byKey.get(key);
    if (seen) seen.count++;
    else this.byKey.set(key, { text, count: 1, example });
  }

  messages(): string[] {
    return [...this.byKey.values()].map(({ text, count, example }) => `${count} ${text} (first: ${example})`);
  }
}
