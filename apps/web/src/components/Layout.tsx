import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useMatch } from 'react-router-dom';
import { setPrefs, usePrefs, type Prefs } from '../prefs.ts';
import { languageNow } from '../i18n/index.ts';
import { useShortcuts } from './useShortcuts.ts';
import { UserMenu } from './UserMenu.tsx';
import { useMe } from '../api/auth.ts';
import { ClusterSwitcher, RoleNote } from './ClusterSwitcher.tsx';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded px-3 py-1.5 text-sm ${isActive ? 'bg-nav-active font-medium text-on-accent' : 'text-nav-fg hover:bg-nav-active'}`;

const headerSelect = 'rounded border border-line-strong bg-surface px-1.5 py-1 text-xs text-fg';

/** The frame of every page: skip link, header (menu under 1024 px, theme, clock, language), sidebar, page. */
export function Layout() {
  const { t } = useTranslation();
  const cluster = useMatch('/clusters/:cluster/*')?.params.cluster;
  const prefs = usePrefs();
  const [menuOpen, setMenuOpen] = useState(false);
  // The audit log is for admins (everyone is one when nobody logs in).
  const me = useMe().data;
  const mayAudit = !!me && (me.auth === 'none' || me.clusters.some((c) => c.role === 'admin'));
  useShortcuts(cluster);
  const base = cluster ? `/clusters/${encodeURIComponent(cluster)}` : '';
  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-accent-bg px-3 py-2 text-on-accent focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t('layout.skip')}
      </a>
      <nav
        aria-label={t('layout.main')}
        id="main-nav"
        // On a phone the menu closes once a link in it is followed.
        onClick={(e) => (e.target as HTMLElement).closest('a') && setMenuOpen(false)}
        className={`${menuOpen ? 'block' : 'hidden'} fixed inset-y-0 left-0 z-40 w-64 overflow-y-auto bg-nav p-3 shadow-xl lg:static lg:block lg:w-56 lg:shrink-0 lg:shadow-none`}
      >
        <Link to="/" className="mb-4 block px-3 text-lg font-semibold text-on-accent">
          Tributary
        </Link>
        <NavLink to="/" end className={navClass}>
          {t('nav.clusters')}
        </NavLink>
        {mayAudit && (
          <NavLink to="/audit" className={navClass}>
            {t('nav.audit')}
          </NavLink>
        )}
        {cluster && (
          <div className="mt-3 space-y-1">
            <div className="px-3 text-xs tracking-wide text-nav-fg uppercase">{cluster}</div>
            <RoleNote cluster={cluster} />
            <NavLink to={base} end className={navClass}>
              {t('nav.overview')}
            </NavLink>
            <NavLink to={`${base}/brokers`} className={navClass}>
              {t('nav.brokers')}
            </NavLink>
            <NavLink to={`${base}/topics`} className={navClass} aria-keyshortcuts="g t">
              {t('nav.topics')}
            </NavLink>
            <NavLink to={`${base}/consumer-groups`} className={navClass} aria-keyshortcuts="g g">
              {t('nav.groups')}
            </NavLink>
            <NavLink to={`${base}/connect`} className={navClass}>
              {t('nav.connect')}
            </NavLink>
            <NavLink to={`${base}/schemas`} className={navClass}>
              {t('nav.schemas')}
            </NavLink>
            <NavLink to={`${base}/schedules`} className={navClass}>
              {t('nav.schedules')}
            </NavLink>
            <NavLink to={`${base}/security`} className={navClass}>
              {t('nav.security')}
            </NavLink>
          </div>
        )}
        <p className="mt-6 px-3 text-xs text-nav-fg">{t('layout.keys')}</p>
        <UserMenu />
      </nav>
      {menuOpen && (
        <div
          aria-hidden
          className="fixed inset-0 z-30 bg-backdrop lg:hidden"
          onClick={() => setMenuOpen(false)}
        />
      )}
      <div className="min-w-0 flex-1">
        <header className="flex flex-wrap items-center gap-2 border-b border-line bg-surface px-4 py-2">
          <button
            type="button"
            className="rounded border border-line-strong px-2 py-1 text-sm lg:hidden"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            ☰ {t('layout.menu')}
          </button>
          <Link to="/" className="font-semibold lg:hidden">
            Tributary
          </Link>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <ClusterSwitcher cluster={cluster} className={headerSelect} />
            <select
              aria-label={t('layout.theme')}
              className={headerSelect}
              value={prefs.theme}
              onChange={(e) => setPrefs({ theme: e.target.value as Prefs['theme'] })}
            >
              <option value="system">{t('layout.themeSystem')}</option>
              <option value="light">{t('layout.themeLight')}</option>
              <option value="dark">{t('layout.themeDark')}</option>
            </select>
            <select
              aria-label={t('layout.clock')}
              className={headerSelect}
              value={prefs.timeZone}
              onChange={(e) => setPrefs({ timeZone: e.target.value as Prefs['timeZone'] })}
            >
              <option value="local">{t('layout.clockLocal')}</option>
              <option value="utc">UTC</option>
            </select>
            <select
              aria-label={t('layout.language')}
              className={headerSelect}
              value={languageNow()}
              onChange={(e) => setPrefs({ language: e.target.value as 'en' | 'fr' })}
            >
              <option value="en" lang="en">
                English
              </option>
              <option value="fr" lang="fr">
                Français
              </option>
            </select>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 p-4 outline-none lg:p-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
