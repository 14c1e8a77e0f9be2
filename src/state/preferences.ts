import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Viewer preferences that belong to a screen rather than to a link, kept in localStorage. */
interface PreferencesState {
  showExemplars: boolean;
  setShowExemplars: (show: boolean) => void;
}

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      showExemplars: true,
      setShowExemplars: (showExemplars) => set({ showExemplars }),
    }),
    { name: 'watchfloor.preferences', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);

export const useShowExemplars = (): boolean => usePreferencesStore((s) => s.showExemplars);
