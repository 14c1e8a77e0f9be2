import { create } from 'zustand';

/**
 * The refresh tick: a counter the auto-refresh timer (and the "refresh now" button) bumps. Relative
 * ranges re-resolve against the clock on each tick, which gives every query a new key. It is client
 * state only: the range itself lives in the URL.
 */
interface RefreshTickState {
  tick: number;
  bump: () => void;
}

export const useRefreshTickStore = create<RefreshTickState>()((set) => ({
  tick: 0,
  bump: () => set((s) => ({ tick: s.tick + 1 })),
}));

export const useRefreshTick = (): number => useRefreshTickStore((s) => s.tick);
export const bumpRefreshTick = (): void => useRefreshTickStore.getState().bump();
