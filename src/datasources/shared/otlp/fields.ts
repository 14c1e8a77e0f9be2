/**
 * proto3 JSON lets a producer write a field under its lowerCamelCase name (the spec's and the SDKs' form) or
 * its proto field name (`start_time_unix_nano`, which Grafana's Tempo test data uses); readers must accept
 * both. `field` returns the value and the key it was found under, so an error names what the file said.
 */
export function field(record: Readonly<Record<string, unknown>>, camel: string, path: string): { value: unknown; path: string } {
  if (record[camel] !== undefined) return { value: record[camel], path: join(path, camel) };
  const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  if (snake !== camel && record[snake] !== undefined) return { value: record[snake], path: join(path, snake) };
  return { value: undefined, path: join(path, camel) };
}

/** `trace` + `resourceSpans` → `trace.resourceSpans`; at the top of the body the key stands alone. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
