import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchState } from '../../api/messages.ts';
import { usePrefs } from '../../prefs.ts';
import { Button } from '../ui/Button.tsx';
import { Select, TextField } from '../ui/Field.tsx';
import { formatNumber } from '../ui/format.ts';
import { Card, Toolbar } from '../ui/Page.tsx';
import { fromPickerValue, toPickerValue, zoneName, type Zone } from '../ui/time.ts';
import { Progress } from '../ui/Progress.tsx';

export interface SearchScope {
  scope: 'all' | 'time' | 'last';
  /** ISO instants (the address holds them so; the pickers show them in the header's clock). */
  from: string;
  to: string;
  lastN: number;
  maxMatches: number;
}

export const initialScope: SearchScope = { scope: 'all', from: '', to: '', lastN: 1000, maxMatches: 1000 };

export function scopeFromParams(p: URLSearchParams): SearchScope {
  const scope = p.get('scope');
  const lastN = Number(p.get('lastN'));
  const maxMatches = Number(p.get('maxMatches'));
  return {
    scope: scope === 'time' || scope === 'last' ? scope : 'all',
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    lastN: lastN > 0 ? lastN : initialScope.lastN,
    maxMatches: maxMatches > 0 ? maxMatches : initialScope.maxMatches,
  };
}

export function scopeToParams(s: SearchScope, into: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(into);
  const set = (k: string, v: string | null) => (v ? next.set(k, v) : next.delete(k));
  set('scope', s.scope === 'all' ? null : s.scope);
  set('from', s.scope === 'time' ? s.from : null);
  set('to', s.scope === 'time' ? s.to : null);
  set('lastN', s.scope === 'last' && s.lastN !== initialScope.lastN ? String(s.lastN) : null);
  set('maxMatches', s.maxMatches !== initialScope.maxMatches ? String(s.maxMatches) : null);
  return next;
}

const picker = (iso: string, zone: Zone) => (iso ? toPickerValue(Date.parse(iso), zone) : '');
const instant = (value: string, zone: Zone) => {
  const ms = fromPickerValue(value, zone);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
};

/** Scope of a server-side scan, its Start/Stop buttons and its progress (how much was scanned). */
export function SearchPanel({
  initial,
  state,
  onStart,
  onStop,
}: {
  initial: SearchScope;
  state: SearchState;
  onStart: (scope: SearchScope) => void;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const { timeZone } = usePrefs();
  const [scope, setScope] = useState<SearchScope>(initial);
  const set = <K extends keyof SearchScope>(k: K, v: SearchScope[K]) => setScope((s) => ({ ...s, [k]: v }));
  const p = state.progress;
  const percent =
    p && p.toScan > 0 ? Math.floor((p.scanned / p.toScan) * 100) : state.status === 'done' ? 100 : 0;
  const reason =
    state.status === 'done'
      ? ` · ${state.reason === 'completed' ? t('search.done') : state.reason === 'stopped' ? t('search.stopped') : t('search.limit')}`
      : '';
  return (
    <Card as="section" aria-label={t('search.label')} className="mb-3">
      <Toolbar>
        <Select
          label={t('search.scope')}
          value={scope.scope}
          onChange={(e) => set('scope', e.target.value as SearchScope['scope'])}
        >
          <option value="all">{t('search.all')}</option>
          <option value="time">{t('search.time')}</option>
          <option value="last">{t('search.last')}</option>
        </Select>
        {scope.scope === 'time' && (
          <>
            <TextField
              label={t('search.from', { zone: zoneName(timeZone) })}
              type="datetime-local"
              step="1"
              value={picker(scope.from, timeZone)}
              onChange={(e) => set('from', instant(e.target.value, timeZone))}
            />
            <TextField
              label={t('search.to', { zone: zoneName(timeZone) })}
              type="datetime-local"
              step="1"
              value={picker(scope.to, timeZone)}
              onChange={(e) => set('to', instant(e.target.value, timeZone))}
            />
          </>
        )}
        {scope.scope === 'last' && (
          <TextField
            label={t('search.perPartition')}
            type="number"
            min={1}
            inputClassName="w-28"
            value={scope.lastN}
            onChange={(e) => set('lastN', Number(e.target.value))}
          />
        )}
        <TextField
          label={t('search.maxMatches')}
          type="number"
          min={1}
          max={10000}
          inputClassName="w-24"
          value={scope.maxMatches}
          onChange={(e) => set('maxMatches', Number(e.target.value))}
        />
        {state.status === 'running' ? (
          <Button variant="danger" onClick={onStop}>
            {t('search.stop')}
          </Button>
        ) : (
          <Button variant="primary" onClick={() => onStart(scope)}>
            {t('search.start')}
          </Button>
        )}
        {state.status !== 'idle' && (
          <div className="flex flex-wrap items-center gap-2">
            <Progress label={t('search.progress')} percent={percent} />
            <span role="status" className="text-xs text-muted">
              {p
                ? t('search.summary', {
                    scanned: formatNumber(p.scanned),
                    toScan: formatNumber(p.toScan),
                    matches: formatNumber(state.messages.length),
                    seconds: (p.elapsedMs / 1000).toFixed(1),
                  })
                : t('search.starting')}
              {reason}
            </span>
          </div>
        )}
      </Toolbar>
      {state.error && (
        <p role="alert" className="mt-2 w-full text-sm text-danger">
          {state.error}
        </p>
      )}
    </Card>
  );
}
