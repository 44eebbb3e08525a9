import type { ReactNode } from 'react';

/** The top of a page: its title (the one h1), a line under it, and its actions on the right. */
export function PageHeader({
  title,
  subtitle,
  actions,
  badges,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-start gap-3">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold break-all">{title}</h1>
          {badges}
        </div>
        {subtitle && <p className="mt-1 text-sm text-muted">{subtitle}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

/** A white box on the page (a form, a toolbar, a panel). */
export function Card({
  children,
  className = '',
  as: Tag = 'div',
  ...aria
}: {
  children: ReactNode;
  className?: string;
  as?: 'div' | 'section';
  'aria-label'?: string;
}) {
  return (
    <Tag className={`rounded-lg border border-line bg-surface p-3 shadow-sm ${className}`} {...aria}>
      {children}
    </Tag>
  );
}

/** A row of controls that wraps, and stacks on a phone. */
export function Toolbar({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <div className={`flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end ${className}`}>{children}</div>
  );
}

/** A muted sentence: "Loading…", "No messages.", a hint. */
export function Muted({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <p className={`text-sm text-muted ${className}`}>{children}</p>;
}

/** An in-app link: the accent colour and underlined (colour alone does not tell a link in a sentence). */
export const linkClass = 'text-accent underline underline-offset-2 hover:decoration-2';

/** A titled part of a detail page, named for screen readers by its heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
