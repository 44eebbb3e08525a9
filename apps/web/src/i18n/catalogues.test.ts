import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { pickLanguage } from './index.ts';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const english = keys(en);
const french = keys(fr as Tree);
/** A key the code asks for exists when it is there as is, or with a plural ending. */
const has = (all: string[], key: string) => all.some((k) => k === key || k.startsWith(`${key}_`));

describe('the catalogues', () => {
  it('have the same keys in English and French', () => {
    expect(french.filter((k) => !english.includes(k))).toEqual([]);
    expect(english.filter((k) => !french.includes(k))).toEqual([]);
  });

  it('hold every key the code asks for', () => {
    const src = join(import.meta.dirname, '..');
    const asked = new Set<string>();
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) asked.add(m[1]!);
      // `t(cond ? 'a.b' : 'a.c')` and template keys like `topic.tab.${name}` are checked by their prefix.
      for (const m of text.matchAll(/\bt\([^)]*?\?\s*'([a-zA-Z0-9_.]+)'\s*:\s*'([a-zA-Z0-9_.]+)'/g)) {
        asked.add(m[1]!);
        asked.add(m[2]!);
      }
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) asked.add(`${m[1]!}.`);
    }
    expect(asked.size).toBeGreaterThan(200);
    const missing = [...asked].filter((k) =>
      k.endsWith('.') ? !english.some((e) => e.startsWith(k)) : !has(english, k),
    );
    expect(missing).toEqual([]);
  });

  it('leave no string empty and keep the same placeholders in both languages', () => {
    const leaf = (tree: Tree, key: string) =>
      key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, tree) as string;
    for (const key of english) {
      const a = leaf(en, key);
      const b = leaf(fr as Tree, key);
      expect(a.trim(), key).not.toBe('');
      expect(b.trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(b), key).toEqual(names(a));
    }
  });

  it('pick French for any fr-* browser unless the switch said otherwise', () => {
    expect(pickLanguage(null, ['fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(null, ['fr'])).toBe('fr');
    expect(pickLanguage(null, ['en-GB', 'fr'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
    expect(pickLanguage('en', ['fr-FR'])).toBe('en');
    expect(pickLanguage('fr', ['en-US'])).toBe('fr');
  });
});
