import { useEffect, useState } from 'react';
import { applyTheme, chosenTheme, onSystemThemeChange, systemTheme, type Theme } from './theme';

/** One button: "Dark theme", pressed while the dark theme shows; the choice is remembered. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(() => chosenTheme() ?? systemTheme());

  // Until the user chooses, follow the system as it changes (e.g. at sunset).
  useEffect(
    () =>
      onSystemThemeChange(() => {
        if (chosenTheme() === null) setTheme(systemTheme());
      }),
    [],
  );

  return (
    <button
      type="button"
      className="theme-toggle small"
      aria-pressed={theme === 'dark'}
      onClick={() => {
        const next = theme === 'dark' ? 'light' : 'dark';
        applyTheme(next, true);
        setTheme(next);
      }}
    >
      Dark theme
    </button>
  );
}
