import type { AttrValue, Span } from '../../model/trace';

/** An attribute value as the string a tag filter compares against. */
export function tagText(value: AttrValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/**
 * Whether a span carries tag `key` with value `value`, the way trace backends match tag filters:
 * span attributes, then resource attributes, then the tags a backend derives (`error=true` on an
 * error span, `span.kind`, `otel.status_code`).
 */
export function spanHasTag(span: Span, key: string, value: string): boolean {
  const own = span.attributes[key] ?? span.resource[key];
  if (own !== undefined) return tagText(own) === value;
  if (key === 'error') return span.status === 'error' && value === 'true';
  if (key === 'span.kind') return span.kind === value;
  if (key === 'otel.status_code') return span.status === 'error' ? value === 'ERROR' : span.status === 'ok' && value === 'OK';
  return false;
}

export function spanHasTags(span: Span, tags: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(tags)) if (!spanHasTag(span, key, value)) return false;
  return true;
}
