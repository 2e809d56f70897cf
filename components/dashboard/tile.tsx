import Link from "next/link";
import type { ReactNode } from "react";

/** One tile of the manager's dashboard: a heading, what it shows, and the link to the report behind it. */
export function Tile({
  title,
  testId,
  href,
  linkText,
  children,
}: {
  title: string;
  testId: string;
  href: string;
  linkText: string;
  children: ReactNode;
}) {
  const headingId = `${testId}-title`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className="flex min-w-0 flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id={headingId} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      <div className="flex-1">{children}</div>
      <Link href={href} className="mt-3 inline-flex min-h-11 items-center self-start font-medium text-brand-700 underline">
        {linkText}
      </Link>
    </section>
  );
}

/** A headline number with its label and, below, what it means or how it was counted. */
export function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <div className="min-w-24 max-w-full flex-1 basis-24">
      <p className="text-xs text-slate-500 sm:text-sm">{label}</p>
      <p className="text-2xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </p>
      {note ? <p className="text-xs text-slate-500">{note}</p> : null}
    </div>
  );
}

/** What a tile says when there is nothing to show: why, and what to do next. */
export function TileEmpty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">{children}</p>;
}
