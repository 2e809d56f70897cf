import Link from "next/link";

const BELL = "M18 8a6 6 0 10-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 01-3.4 0";

/** The bell in the shell: how many alerts are active at the person's sites, red while some are new. */
export function AlertBell({ counts }: { counts: { total: number; open: number } }) {
  const label = counts.total === 0 ? "Alerts: none" : `Alerts: ${counts.total} active, ${counts.open} new`;
  return (
    <Link
      href="/alerts"
      aria-label={label}
      title={label}
      className="relative inline-flex size-11 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100"
      data-testid="alert-bell"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-6"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={BELL} />
      </svg>
      {counts.total > 0 ? (
        <span
          data-testid="alert-bell-count"
          className={`absolute right-0.5 top-0.5 min-w-5 rounded-full px-1 text-center text-xs font-bold leading-5 text-white ${counts.open > 0 ? "bg-red-700" : "bg-slate-600"}`}
        >
          {counts.total > 99 ? "99+" : counts.total}
        </span>
      ) : null}
    </Link>
  );
}
