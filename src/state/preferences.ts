import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Viewer preferences that belong to a screen rather than to a link, kept in localStorage. */
interface PreferencesState {
  showExemplars: boolean;
  setShowExemplars: (show: boolean) => void;
  /** Every exemplar, not only the slowest and the slowest error of each time bucket. */
  showAllExemplars: boolean;
  setShowAllExemplars: (all: boolean) => void;
}

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      showExemplars: true,
      setShowExemplars: (showExemplars) => set({ showExemplars }),
      showAllExemplars: false,
      setShowAllExemplars: (showAllExemplars) => set({ showAllExemplars }),
    }),
    { name: 'watchfloor.preferences', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);

export const useShowExemplars = (): boolean => usePreferencesStore((s) => s.showExemplars);
export const useShowAllExemplars = (): boolean => usePreferencesStore((s) => s.showAllExemplars);
