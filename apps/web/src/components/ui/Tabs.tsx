import { NavLink } from 'react-router-dom';

const tabClass = (selected: boolean) =>
  `-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap ${selected ? 'border-accent font-medium text-accent' : 'border-transparent text-muted hover:text-fg'}`;

/** Tabs that are addresses (one link per tab), so a tab can be shared and the back button works. */
export function TabLinks({
  label,
  tabs,
}: {
  label: string;
  tabs: { to: string; label: string; selected: boolean }[];
}) {
  return (
    <nav role="tablist" aria-label={label} className="mb-4 flex gap-1 overflow-x-auto border-b border-line">
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          role="tab"
          aria-selected={tab.selected}
          to={tab.to}
          className={tabClass(tab.selected)}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** Tabs that switch a part of the page (e.g. how to produce). */
export function Tabs<V extends string>({
  label,
  value,
  onChange,
  tabs,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  tabs: { value: V; label: string }[];
}) {
  return (
    <div role="tablist" aria-label={label} className="mb-3 flex gap-1 overflow-x-auto border-b border-line">
      {tabs.map((tab) => (
        <button
          key={tab.value}
          type="button"
          role="tab"
          aria-selected={value === tab.value}
          onClick={() => onChange(tab.value)}
          className={tabClass(value === tab.value)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
