/**
 * proto3 JSON lets a producer write a field under its lowerCamelCase name (the spec's and the SDKs' form) or
 * its proto field name (`start_time_unix_nano`, which Grafana's Tempo test data uses); readers must accept
 * both. `field` returns the value and, lazily, the path of the key it was found under, so an error names what
 * the file said, and a 100,000-span trace that has no error builds no path strings.
 */
export class Found {
  constructor(
    readonly value: unknown,
    private readonly base: string,
    private readonly key: string,
  ) {}

  get path(): string {
    return join(this.base, this.key);
  }
}

const SNAKE = new Map<string, string>();

function snakeOf(camel: string): string {
  let snake = SNAKE.get(camel);
  if (snake === undefined) SNAKE.set(camel, (snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return snake;
}

export function field(record: Readonly<Record<string, unknown>>, camel: string, path: string): Found {
  const value = record[camel];
  if (value !== undefined) return new Found(value, path, camel);
  const snake = snakeOf(camel);
  if (snake !== camel && record[snake] !== undefined) return new Found(record[snake], path, snake);
  return new Found(undefined, path, camel);
}

/** `trace` + `resourceSpans` → `trace.resourceSpans`; at the top of the body the key stands alone. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
