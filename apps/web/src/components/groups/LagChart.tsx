import type { LagHistory } from '@tributary/contract';
import { formatNumber } from '../format.ts';

const COLORS = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
const W = 720;
const H = 220;
const PAD = { left: 56, right: 12, top: 12, bottom: 26 };

/** 0..max on a round scale: 1, 2 or 5 × 10^n steps, about four of them. */
function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return { top: Math.ceil(max / step) * step, step };
}

/** A line through the samples that breaks where sampling stopped (page closed, server down). */
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

const clock = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Lag per topic over the last hour, as sampled by the server; plain SVG (no chart library). */
export function LagChart({ history, now }: { history: LagHistory; now: number }) {
  const points = history.series.flatMap((s) => s.points);
  if (points.length === 0)
    return (
      <p className="text-sm text-slate-500">
        No samples yet: the server samples this group every {Math.round(history.intervalMs / 1000)} s while
        its page is open.
      </p>
    );
  const first = Math.min(...points.map((p) => p.time));
  const from = Math.max(now - 60 * 60_000, Math.min(first, now - 2 * 60_000));
  const { top, step } = niceMax(Math.max(...points.map((p) => p.lag)));
  const x = (t: number) => PAD.left + ((t - from) / (now - from)) * (W - PAD.left - PAD.right);
  const y = (lag: number) => PAD.top + (1 - lag / top) * (H - PAD.top - PAD.bottom);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const timeTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => from + f * (now - from));
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Lag per topic over the last hour"
        className="w-full max-w-3xl"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#64748b">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        {timeTicks.map((t, i) => (
          <text
            key={t}
            x={x(t)}
            y={H - 6}
            textAnchor={i === 0 ? 'start' : i === timeTicks.length - 1 ? 'end' : 'middle'}
            fontSize="11"
            fill="#64748b"
          >
            {clock(t)}
          </text>
        ))}
        {history.series.map((s, i) => (
          <path
            key={s.topic}
            fill="none"
            stroke={COLORS[i % COLORS.length]}
            strokeWidth="2"
            d={pathOf(
              s.points.filter((p) => p.time >= from),
              history.intervalMs,
              x,
              y,
            )}
          >
            <title>{s.topic}</title>
          </path>
        ))}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-slate-600">
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
