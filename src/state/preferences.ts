import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * The colour theme. `auto` is high contrast on the wall board (`/noc`, read from across a room) and dark
 * everywhere else; `dark` and `contrast` apply to every page, the wall included.
 */
export type ThemePreference = 'auto' | 'dark' | 'contrast';
export type AppliedTheme = 'dark' | 'contrast';
export const THEME_PREFERENCES: readonly ThemePreference[] = ['auto', 'dark', 'contrast'];

export function appliedTheme(preference: ThemePreference, onWall: boolean): AppliedTheme {
  return preference === 'auto' ? (onWall ? 'contrast' : 'dark') : preference;
}

/** Viewer preferences that belong to a screen rather than to a link, kept in localStorage. */
interface PreferencesState {
  showExemplars: boolean;
  setShowExemplars: (show: boolean) => void;
  /** Every exemplar, not only the slowest and the slowest error of each time bucket. */
  showAllExemplars: boolean;
  setShowAllExemplars: (all: boolean) => void;
  theme: ThemePreference;
  setTheme: (theme: ThemePreference) => void;
}

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      showExemplars: true,
      setShowExemplars: (showExemplars) => set({ showExemplars }),
      showAllExemplars: false,
      setShowAllExemplars: (showAllExemplars) => set({ showAllExemplars }),
      theme: 'auto',
      // A value from an older or hand-edited localStorage is read as `auto`, never as an unknown theme.
      setTheme: (theme) => set({ theme: THEME_PREFERENCES.includes(theme) ? theme : 'auto' }),
    }),
    { name: 'watchfloor.preferences', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);

export const useShowExemplars = (): boolean => usePreferencesStore((s) => s.showExemplars);
export const useShowAllExemplars = (): boolean => usePreferencesStore((s) => s.showAllExemplars);
export const useThemePreference = (): ThemePreference => usePreferencesStore((s) => (THEME_PREFERENCES.includes(s.theme) ? s.theme : 'auto'));
