import { useSyncExternalStore } from 'react';

/** What the person chose in the header, kept in localStorage: theme, clock and language. */
export interface Prefs {
  /** `system` follows prefers-color-scheme. */
  theme: 'system' | 'light' | 'dark';
  timeZone: 'local' | 'utc';
  /** null: the browser's language decides (fr-* → French). */
  language: 'en' | 'fr' | null;
}

const KEY = 'tributary.prefs';
const DEFAULTS: Prefs = { theme: 'system', timeZone: 'local', language: null };

function read(): Prefs {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Prefs>;
    return {
      theme: ['light', 'dark'].includes(stored.theme ?? '') ? stored.theme! : 'system',
      timeZone: stored.timeZone === 'utc' ? 'utc' : 'local',
      language: stored.language === 'en' || stored.language === 'fr' ? stored.language : null,
    };
  } catch {
    return DEFAULTS;
  }
}

let current = read();
const listeners = new Set<() => void>();

export function getPrefs(): Prefs {
  return current;
}

export function setPrefs(change: Partial<Prefs>) {
  current = { ...current, ...change };
  localStorage.setItem(KEY, JSON.stringify(current));
  listeners.forEach((l) => l());
}

export function subscribePrefs(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePrefs(): Prefs {
  return useSyncExternalStore(subscribePrefs, getPrefs);
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Puts `.dark` on <html> when the choice (or the system, for `system`) says so; follows both. */
export function applyTheme() {
  const apply = () => {
    const { theme } = getPrefs();
    const dark = theme === 'dark' || (theme === 'system' && darkQuery().matches);
    document.documentElement.classList.toggle('dark', dark);
  };
  apply();
  subscribePrefs(apply);
  darkQuery().addEventListener('change', apply);
}
