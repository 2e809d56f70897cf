"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const number = new Intl.NumberFormat("en");

/** One bar: `label` is what the axis shows (a SKU, a reason code), `title` the words, `href` where it drills to. */
export type RankedBar = { key: string; label: string; title: string; value: number; href?: string };

/**
 * Bars ranked longest first, lying down so long SKUs stay readable on a phone. The same figures follow as a list
 * whose entries link to what each bar stands for (the item, the report), so a keyboard reaches every one of them;
 * the picture itself carries them in its aria-label.
 */
export function RankedBarChart({
  bars,
  label,
  unit,
  testId,
  color = "#1d5fd1",
}: {
  bars: RankedBar[];
  label: string;
  unit: string;
  testId: string;
  color?: string;
}) {
  // No key may be called `fill` or `name`: Recharts spreads each entry onto its bar.
  const data = bars.map((b) => ({ code: b.label, words: b.title, value: b.value }));
  const summary = bars.map((b) => `${b.label} (${b.title}): ${number.format(b.value)} ${unit}`).join("; ");
  return (
    <figure data-testid={testId}>
      <div className="w-full" style={{ height: Math.max(96, bars.length * 30 + 24) }} role="img" aria-label={`${label}: ${summary}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
            <YAxis type="category" dataKey="code" width={96} tick={{ fontSize: 11 }} tickLine={false} />
            <Tooltip
              formatter={(value) => [`${number.format(Number(value))} ${unit}`, label]}
              labelFormatter={(_l, items) => String(items[0]?.payload.words ?? "")}
            />
            <Bar dataKey="value" fill={color} radius={[0, 3, 3, 0]} maxBarSize={22} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ol className="mt-2 divide-y divide-slate-100 text-sm" aria-label={label}>
          {bars.map((b) => (
            <li key={b.key} className="flex items-center justify-between gap-3">
              {b.href ? (
                <Link href={b.href} className="flex min-h-11 min-w-0 flex-1 items-center gap-2 py-1 hover:underline">
                  <span className="shrink-0 font-mono text-brand-700">{b.label}</span>
                  <span className="truncate text-slate-600">{b.title}</span>
                </Link>
              ) : (
                <span className="flex min-h-11 min-w-0 flex-1 items-center gap-2 py-1">
                  <span className="shrink-0 font-mono">{b.label}</span>
                  <span className="truncate text-slate-600">{b.title}</span>
                </span>
              )}
              <span className="font-semibold tabular-nums">{number.format(b.value)}</span>
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
