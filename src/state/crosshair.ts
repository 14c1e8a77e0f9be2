import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';

/**
 * The time under the mouse, shared by the charts of one sync group so they draw one crosshair together.
 * Groups go by key, as in uPlot's `uPlot.sync(key)`: each time scope names a key (its own by default),
 * and charts join the group of the scope they are drawn in, so two scopes on one page never cross.
 * Charts subscribe with the narrow hooks below: only the small overlay re-renders on mouse moves,
 * never the chart itself, and never a chart of another group.
 */
export interface CrosshairState {
  time: number | null;
  setTime: (time: number | null) => void;
}

export type CrosshairGroup = StoreApi<CrosshairState>;

export function createCrosshairGroup(): CrosshairGroup {
  return createStore<CrosshairState>()((set) => ({ time: null, setTime: (time) => set({ time }) }));
}

/**
 * The groups of one tree of time scopes, by key. A group lives while a scope is joined to it, so a wall
 * screen that mounts scope after scope for weeks holds only the groups on screen.
 */
export interface CrosshairHub {
  /** The group for `key`, created on first ask (rendering may ask before any scope has joined). */
  group(key: string): CrosshairGroup;
  /** Counts a scope in; the returned function counts it out and drops the group after the last one. */
  join(key: string, group: CrosshairGroup): () => void;
  /** How many groups are held (for tests of the no-growth rule). */
  size(): number;
}

export function createCrosshairHub(): CrosshairHub {
  const groups = new Map<string, { group: CrosshairGroup; members: number }>();
  return {
    group(key) {
      let entry = groups.get(key);
      if (!entry) groups.set(key, (entry = { group: createCrosshairGroup(), members: 0 }));
      return entry.group;
    },
    join(key, group) {
      // A group dropped between render and effect (StrictMode's unmount-remount) comes back as it was,
      // so the charts that rendered with it stay in sync with the ones rendered after.
      let entry = groups.get(key);
      if (!entry) groups.set(key, (entry = { group, members: 0 }));
      const joined = entry;
      joined.members += 1;
      return () => {
        joined.members -= 1;
        if (joined.members === 0 && groups.get(key) === joined) groups.delete(key);
      };
    },
    size: () => groups.size,
  };
}

/** The group of the nearest time scope; set by `TimeScopeProvider`. */
export const CrosshairGroupContext = createContext<CrosshairGroup | null>(null);

// A panel drawn outside any time scope (a panel's own test, say) still gets a working crosshair; such
// panels share this one group, as every chart did before scopes existed.
const detached = createCrosshairGroup();

function useGroup(): CrosshairGroup {
  return useContext(CrosshairGroupContext) ?? detached;
}

export const useCrosshairTime = (): number | null => useStore(useGroup(), (s) => s.time);

/** A stable setter for the crosshair of the nearest scope's group. */
export const useSetCrosshairTime = (): ((time: number | null) => void) => useStore(useGroup(), (s) => s.setTime);
