import { useEffect } from 'react';
import { appliedTheme, useThemePreference } from '../state/preferences';

/**
 * Puts the applied theme on `<html data-theme>`, where theme.css picks its colours: the preference, with
 * `auto` meaning high contrast on the wall board and dark elsewhere.
 */
export function useDocumentTheme(onWall: boolean): void {
  const theme = appliedTheme(useThemePreference(), onWall);
  useEffect(() => {
    document.documentElement.setAttribute('data-theme', theme);
  }, [theme]);
}
