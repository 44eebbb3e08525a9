import { useTranslation } from 'react-i18next';
import type { LagHistory } from '@tributary/contract';
import { usePrefs } from '../../prefs.ts';
import { formatNumber } from '../ui/format.ts';
import { Muted } from '../ui/Page.tsx';
import { formatClock, formatTimestamp } from '../ui/time.ts';

const COLORS = [1, 2, 3, 4, 5, 6].map((n) => `var(--chart-${n})`);
const W = 720;
const H = 220;
const PAD = { left: 56, right: 12, top: 12, bottom: 26 };

/** 0..max on a round scale: 1, 2 or 5 × 10^n steps, about four of them. */
function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => Math.max(1, m * power)).find((s) => s >= raw) ?? raw;
  return { top: Math.ceil(max / step) * step, step };
}

/** A line through the samples that breaks where sampling stopped (server down). */
function pathOf(
  points: { time: number; lag: number }[],
  intervalMs: number,
  x: (t: number) => number,
  y: (lag: number) => number,
): string {
  return points
    .map((p, i) => {
      const gap = i > 0 && p.time - (points[i - 1]?.time ?? p.time) > 3 * intervalMs;
      return `${i === 0 || gap ? 'M' : 'L'}${x(p.time).toFixed(1)},${y(p.lag).toFixed(1)}`;
    })
    .join(' ');
}

/** Lag per topic over the last hour, as sampled by the server; plain SVG, a tooltip on every sample. */
export function LagChart({ history, now }: { history: LagHistory; now: number }) {
  const { t } = useTranslation();
  const { timeZone } = usePrefs();
  const points = history.series.flatMap((s) => s.points);
  if (points.length === 0)
    return <Muted>{t('group.noSamples', { seconds: Math.round(history.intervalMs / 1000) })}</Muted>;
  const first = Math.min(...points.map((p) => p.time));
  const from = Math.max(now - 60 * 60_000, Math.min(first, now - 2 * 60_000));
  const { top, step } = niceMax(Math.max(...points.map((p) => p.lag)));
  const x = (time: number) => PAD.left + ((time - from) / (now - from)) * (W - PAD.left - PAD.right);
  const y = (lag: number) => PAD.top + (1 - lag / top) * (H - PAD.top - PAD.bottom);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  // Five evenly spaced times, each label once: a short window would otherwise print the same minute twice.
  const timeTicks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => from + f * (now - from))
    .map((time) => ({ time, label: formatClock(time, timeZone) }))
    .filter((tick, i, all) => i === 0 || tick.label !== all[i - 1]?.label);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('group.chartLabel')}
        className="w-full max-w-3xl"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="var(--line)" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="var(--muted)">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        {timeTicks.map((tick, i) => (
          <text
            key={tick.time}
            x={x(tick.time)}
            y={H - 6}
            textAnchor={i === 0 ? 'start' : i === timeTicks.length - 1 ? 'end' : 'middle'}
            fontSize="11"
            fill="var(--muted)"
          >
            {tick.label}
          </text>
        ))}
        {history.series.map((s, i) => {
          const shown = s.points.filter((p) => p.time >= from);
          return (
            <g key={s.topic} stroke={COLORS[i % COLORS.length]} fill={COLORS[i % COLORS.length]}>
              <path fill="none" strokeWidth="2" d={pathOf(shown, history.intervalMs, x, y)} />
              {shown.map((p) => (
                <circle key={p.time} cx={x(p.time)} cy={y(p.lag)} r="3" strokeWidth="6" strokeOpacity="0">
                  <title>
                    {t('group.chartPoint', {
                      topic: s.topic,
                      time: formatTimestamp(p.time, timeZone),
                      lag: formatNumber(p.lag),
                    })}
                  </title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-muted">
        {history.series.map((s, i) => (
          <span key={s.topic} className="flex items-center gap-1">
            <span
              className="inline-block h-2 w-4 rounded"
              style={{ background: COLORS[i % COLORS.length] }}
            />
            {s.topic}: {formatNumber(s.points.at(-1)?.lag ?? null)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
