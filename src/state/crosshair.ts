import { create } from 'zustand';

/**
 * The time under the mouse, shared by every chart of a page so they draw one crosshair together.
 * Charts subscribe with the narrow hooks below: only the small overlay re-renders on mouse moves,
 * never the chart itself.
 */
interface CrosshairState {
  time: number | null;
  setTime: (time: number | null) => void;
}

export const useCrosshairStore = create<CrosshairState>()((set) => ({
  time: null,
  setTime: (time) => set({ time }),
}));

export const useCrosshairTime = (): number | null => useCrosshairStore((s) => s.time);
export const setCrosshairTime = (time: number | null): void => useCrosshairStore.getState().setTime(time);
