import Link from "next/link";
import type { ReactNode } from "react";

/** "← Items" above a page's title: a 44 px high tap target (WCAG 2.5.5), not a line of small text. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
      ← {children}
    </Link>
  );
}
