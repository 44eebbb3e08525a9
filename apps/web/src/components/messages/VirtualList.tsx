import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

interface VirtualListProps<T> {
  items: T[];
  getKey: (item: T) => string;
  render: (item: T, index: number) => ReactNode;
  /** Height of a row not measured yet (collapsed rows all have about this height). */
  estimate: number;
  /** Height of the scrolling viewport in px. */
  height: number;
  label: string;
  onEndReached?: () => void;
}

const OVERSCAN_PX = 400;

/**
 * Renders only the rows near the viewport, so thousands of rows scroll smoothly. Rows may have any height
 * (an expanded row is tall): each rendered row is measured and the offsets follow.
 */
export function VirtualList<T>({
  items,
  getKey,
  render,
  estimate,
  height,
  label,
  onEndReached,
}: VirtualListProps<T>) {
  const [heights, setHeights] = useState(() => new Map<string, number>());
  const [scrollTop, setScrollTop] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);

  // Created on first use: the first rows attach (ref callbacks) before any effect has run.
  const observe = useCallback((): ResizeObserver => {
    observer.current ??= new ResizeObserver((entries) => {
      const measured = entries.map((entry) => ({
        key: (entry.target as HTMLElement).dataset.key,
        height: Math.ceil(entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height),
      }));
      setHeights((previous) => {
        let next: Map<string, number> | undefined;
        for (const { key, height } of measured) {
          // 0: a row leaving the page reports no size; its last height still holds.
          if (key === undefined || height === 0 || previous.get(key) === height) continue;
          next ??= new Map(previous);
          next.set(key, height);
        }
        return next ?? previous;
      });
    });
    return observer.current;
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);

  const measure = useCallback(
    (element: HTMLDivElement) => {
      const resize = observe();
      resize.observe(element);
      return () => resize.unobserve(element);
    },
    [observe],
  );

  const offsets = useMemo(() => {
    const result = new Array<number>(items.length + 1);
    result[0] = 0;
    items.forEach((item, i) => {
      result[i + 1] = result[i]! + (heights.get(getKey(item)) ?? estimate);
    });
    return result;
  }, [items, getKey, estimate, heights]);

  const total = offsets[items.length] ?? 0;
  let first = 0;
  while (first < items.length && offsets[first + 1]! < scrollTop - OVERSCAN_PX) first++;
  let last = first;
  while (last < items.length && offsets[last]! < scrollTop + height + OVERSCAN_PX) last++;

  return (
    <div
      role="rowgroup"
      aria-label={label}
      className="relative overflow-auto"
      style={{ height }}
      onScroll={(e) => {
        const target = e.currentTarget;
        setScrollTop(target.scrollTop);
        if (onEndReached && target.scrollTop + target.clientHeight >= target.scrollHeight - 200)
          onEndReached();
      }}
    >
      <div style={{ height: total, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => {
          const key = getKey(item);
          return (
            <div
              key={key}
              ref={measure}
              data-key={key}
              className="absolute right-0 left-0"
              style={{ top: offsets[first + i] }}
            >
              {render(item, first + i)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
