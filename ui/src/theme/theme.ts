// The colour theme: the system's (prefers-color-scheme) unless the toggle chose one, which the
// browser remembers in localStorage. styles.css reads data-theme on <html>.
export type Theme = 'light' | 'dark';

const KEY = 'theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function chosenTheme(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage blocked: follow the system
  }
}

export function systemTheme(): Theme {
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Pins a theme and remembers it; called before the first render with the remembered one. */
export function applyTheme(theme: Theme | null, remember = false) {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  if (!remember || !theme) return;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

export function onSystemThemeChange(listener: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', listener);
  return () => {
    query.removeEventListener('change', listener);
  };
}
