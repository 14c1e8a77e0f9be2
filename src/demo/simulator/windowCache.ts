import { shapeValue } from './trafficShape';
import { classRate, jitteredCounts, SCRAPE_INTERVAL_MS, systemIntegralsFor, type RateModel } from './requestClasses';

interface Window {
  firstSlot: number;
  count: number;
  systemIntegrals?: Float64Array;
  systemValues?: Float64Array;
  counts: Array<Float64Array | undefined>;
  rates: Array<Float64Array | undefined>;
}

export interface WindowCache {
  /** Jittered request counters of class `cls` on `count` scrape slots from `firstSlot`. */
  counts(cls: number, firstSlot: number, count: number): Float64Array;
  /** Instantaneous request rates of class `cls` at the same scrape instants. */
  rates(cls: number, firstSlot: number, count: number): Float64Array;
}

/**
 * Per-class counters and rates of the last few sample windows. A query reads many series over the
 * same window and most of them (every bucket of a route) combine the same few classes, so each class
 * is computed once per window. Bounded: only `capacity` windows are kept, least recently used dropped.
 * Caching never changes a value — every sample is a pure function of its own instant.
 */
export function createWindowCache(model: RateModel, capacity = 6): WindowCache {
  const windows = new Map<string, Window>();
  const windowFor = (firstSlot: number, count: number): Window => {
    const key = `${firstSlot}:${count}`;
    let window = windows.get(key);
    if (window === undefined) {
      window = { firstSlot, count, counts: [], rates: [] };
      if (windows.size >= capacity) {
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
    } else {
      windows.delete(key);
    }
    windows.set(key, window);
    return window;
  };
  const classAt = (cls: number) => {
    const requestClass = model.classes[cls];
    if (requestClass === undefined) throw new Error(`no request class ${cls}`);
    return requestClass;
  };
  return {
    counts(cls, firstSlot, count) {
      const window = windowFor(firstSlot, count);
      let counts = window.counts[cls];
      if (counts === undefined) {
        window.systemIntegrals ??= systemIntegralsFor(model, firstSlot, count);
        counts = jitteredCounts(model, classAt(cls), firstSlot, count, window.systemIntegrals);
        window.counts[cls] = counts;
      }
      return counts;
    },
    rates(cls, firstSlot, count) {
      const window = windowFor(firstSlot, count);
      let rates = window.rates[cls];
      if (rates === undefined) {
        if (window.systemValues === undefined) {
          const values = new Float64Array(count);
          for (let i = 0; i < count; i++) values[i] = shapeValue(model.system, (firstSlot + i) * SCRAPE_INTERVAL_MS, true);
          window.systemValues = values;
        }
        const requestClass = classAt(cls);
        rates = new Float64Array(count);
        for (let i = 0; i < count; i++) {
          rates[i] = classRate(model, requestClass, (firstSlot + i) * SCRAPE_INTERVAL_MS, window.systemValues[i]);
        }
        window.rates[cls] = rates;
      }
      return rates;
    },
  };
}
