import { THEME_PREFERENCES, usePreferencesStore, useThemePreference, type ThemePreference } from '../../state/preferences';

const LABEL: Readonly<Record<ThemePreference, string>> = {
  auto: 'Auto (high contrast on the wall)',
  dark: 'Dark',
  contrast: 'High contrast',
};

/** The theme picker, in the top bar of every page and in the wall's header; the choice is kept in localStorage. */
export function ThemeSwitch() {
  const theme = useThemePreference();
  const setTheme = usePreferencesStore((s) => s.setTheme);
  return (
    <label className="theme-switch" title="Colour theme">
      <select aria-label="Theme" value={theme} data-testid="theme-switch" onChange={(e) => setTheme(e.target.value as ThemePreference)}>
        {THEME_PREFERENCES.map((t) => (
          <option key={t} value={t}>
            {LABEL[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
