/** How many colour slots a service can land in: the length of lib/colors' SERIES_PALETTE, which wraps anyway. */
export const SERVICE_COLOR_SLOTS = 16;

/**
 * A service's colour slot, from its name alone (FNV-1a), so `checkout` has the same colour in every trace,
 * on every page and after every reload, whatever other services the trace touches.
 */
export function serviceColorIndex(service: string, slots = SERVICE_COLOR_SLOTS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < service.length; i++) {
    hash ^= service.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % slots;
}
