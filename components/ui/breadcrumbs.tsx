import Link from "next/link";
import { Fragment } from "react";

export type Crumb = { label: string; href?: string };

/**
 * Where this page sits: "Locations / WH1 / WH1-A / WH1-A04". Each step is a link 44 px high and at least as wide
 * (WCAG 2.5.5), so a short code like "WH1" can be hit with a thumb; the last step (no href) is this page.
 */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 flex flex-wrap items-center gap-x-1 text-sm text-slate-600">
      {trail.map((crumb, index) => (
        <Fragment key={`${index}-${crumb.label}`}>
          {index > 0 ? <span aria-hidden>/</span> : null}
          {crumb.href ? (
            <Link href={crumb.href} className="inline-flex min-h-11 min-w-11 items-center justify-center font-medium text-brand-700 hover:underline">
              {crumb.label}
            </Link>
          ) : (
            <span aria-current="page" className="inline-flex min-h-11 items-center">
              {crumb.label}
            </span>
          )}
        </Fragment>
      ))}
    </nav>
  );
}
