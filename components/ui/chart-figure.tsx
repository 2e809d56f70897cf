"use client";

import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";

/**
 * A chart with its text alternatives: a picture for sighted readers whose aria-label carries the figures, and "The
 * chart in words" below it, which anyone can open. Every chart of the reports and the dashboard is one of these.
 */
export function ChartFigure({
  testId,
  label,
  words,
  children,
  heightClassName = "h-64",
  captionClassName = "mt-2",
}: {
  testId: string;
  label: string;
  words: ReactNode;
  /** A Recharts chart: it fills the figure's box. */
  children: ReactElement;
  heightClassName?: string;
  captionClassName?: string;
}) {
  return (
    <figure data-testid={testId}>
      <div className={`${heightClassName} w-full`} role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className={`${captionClassName} text-sm text-slate-600`}>
        <details>
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">The chart in words</summary>
          {words}
        </details>
      </figcaption>
    </figure>
  );
}
