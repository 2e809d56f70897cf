"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { SearchBox } from "../search/search-box";
import { ICONS, type NavLink } from "./navigation";
import { AlertBell } from "./alert-bell";
import { SignOutButton } from "./sign-out-button";

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className="size-6 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}

function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname.startsWith(href);
}

const SIDEBAR_LINK =
  "flex min-h-11 items-center gap-3 rounded-lg px-3 text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700";
const TAB_BAR_LINK = "flex min-h-14 flex-1 flex-col items-center justify-center gap-0.5 text-xs text-slate-600 aria-[current=page]:text-brand-700";

function NavLinks({ links, pathname, className }: { links: NavLink[]; pathname: string; className: string }) {
  return links.map((link) => (
    <Link key={link.href} href={link.href} aria-current={isActive(pathname, link.href) ? "page" : undefined} className={className}>
      <Icon name={link.icon} />
      {link.label}
    </Link>
  ));
}

/**
 * Phone: a top bar and a bottom tab bar within thumb reach. Desk: a sidebar. Links come filtered by role from
 * the server; hiding them is convenience, every page checks again.
 */
export function AppShell({
  links,
  user,
  alerts,
  children,
}: {
  links: NavLink[];
  user: { id: string; label: string; role: string };
  alerts: { total: number; open: number } | null;
  children: ReactNode;
}) {
  const pathname = usePathname();
  // The scan screens have their own input for codes; a second search field there would steal the scanner's keys.
  const showSearch = !pathname.startsWith("/scan");
  // A phone's tab bar holds four tabs comfortably; the rest go under "More".
  const [tabs, overflow] = links.length > 5 ? [links.slice(0, 4), links.slice(4)] : [links, []];
  return (
    <div className="min-h-dvh md:flex">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
        <div className="flex items-center justify-between px-5 py-3">
          <span className="text-lg font-bold text-brand-700">Stockroom</span>
          {alerts ? <AlertBell counts={alerts} /> : null}
        </div>
        <nav aria-label="Main" className="flex flex-1 flex-col gap-1 px-3">
          <NavLinks links={links} pathname={pathname} className={SIDEBAR_LINK} />
          {/* A route handler serving Swagger UI, not a page of the app: a full page load is right here. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/docs" className="flex min-h-11 items-center gap-3 rounded-lg px-3 text-slate-700 hover:bg-slate-100">
            <Icon name="log" />
            API docs
          </a>
        </nav>
        <div className="border-t border-slate-200 p-4 text-sm">
          <p className="truncate font-medium" data-testid="signed-in-as">
            {user.label}
          </p>
          <p className="text-slate-500">{user.role}</p>
          <SignOutButton userId={user.id} className="mt-2 min-h-11 font-medium text-brand-700" />
        </div>
      </aside>

      <header className="sticky top-0 z-20 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 md:hidden">
        <span className="font-bold text-brand-700">Stockroom</span>
        <span className="ml-auto">{alerts ? <AlertBell counts={alerts} /> : null}</span>
        <SignOutButton userId={user.id} className="min-h-11 px-2 text-sm font-medium text-brand-700" />
      </header>

      <div className="min-w-0 flex-1">
        {showSearch && (
          <div className="border-b border-slate-200 bg-white px-4 py-2 md:sticky md:top-0 md:z-20 md:px-8 md:py-3">
            <SearchBox />
          </div>
        )}
        <main className="min-w-0 px-4 pb-24 pt-4 md:px-8 md:pb-8 md:pt-6">{children}</main>
      </div>

      <nav
        aria-label="Main"
        className="fixed inset-x-0 bottom-0 z-10 flex border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
      >
        <NavLinks links={tabs} pathname={pathname} className={TAB_BAR_LINK} />
        {overflow.length > 0 ? (
          <details className="group flex flex-1">
            <summary className={`${TAB_BAR_LINK} cursor-pointer list-none`}>
              <Icon name="more" />
              More
            </summary>
            <div className="absolute inset-x-0 bottom-full border-t border-slate-200 bg-white p-2 shadow-lg">
              <NavLinks links={overflow} pathname={pathname} className={SIDEBAR_LINK} />
            </div>
          </details>
        ) : null}
      </nav>
    </div>
  );
}
