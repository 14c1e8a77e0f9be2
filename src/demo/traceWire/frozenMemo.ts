import type { Attrs } from '../../model/trace';

/**
 * Remembers what a writer made of an attribute object, for objects that cannot change: frozen, with
 * no array values (an array inside a frozen object could still be edited). The batch trace shares a
 * handful of frozen attribute objects between its 100,000 spans, so each is written once instead of
 * once per span; any other object is written every time, as before. `variant` names what else the
 * text depends on (a span's kind and status for Jaeger's tags).
 */
export function createFrozenMemo(): (attrs: Attrs, variant: string, write: () => string) => string {
  const memo = new WeakMap<Attrs, Map<string, string>>();
  return (attrs, variant, write) => {
    let byVariant = memo.get(attrs);
    if (byVariant === undefined) {
      if (!Object.isFrozen(attrs) || Object.values(attrs).some(Array.isArray)) return write();
      byVariant = new Map();
      memo.set(attrs, byVariant);
    }
    let text = byVariant.get(variant);
    if (text === undefined) {
      text = write();
      byVariant.set(variant, text);
    }
    return text;
  };
}
