"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/chart-figure";
import { sumAmounts } from "@/lib/money/fixed-point";
import type { ReportRow } from "@/lib/reports/report";

const NO_CATEGORY = "No category";

/**
 * The valuation's value per category (all sites of the answer summed exactly, then drawn), largest first, with the
 * same figures in words for a screen reader and below the chart.
 */
export function ValuationChart({ rows }: { rows: ReportRow[] }) {
  const byCategory = new Map<string, string[]>();
  for (const row of rows) {
    const category = row.category === null ? NO_CATEGORY : String(row.category);
    byCategory.set(category, [...(byCategory.get(category) ?? []), String(row.value ?? "0")]);
  }
  // No key may be called `fill` or `name`: Recharts spreads each entry onto its bar.
  const data = [...byCategory.entries()]
    .map(([category, values]) => {
      const exact = sumAmounts(values);
      return { category, exact, amount: Number(exact) };
    })
    .sort((a, b) => b.amount - a.amount || a.category.localeCompare(b.category));
  const summary = data.map((d) => `${d.category}: ${d.exact}`).join("; ");
  return (
    <ChartFigure testId="valuation-chart" label={`Value by category: ${summary}`} words={<p>{summary}.</p>}>
      <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="category" tick={{ fontSize: 11 }} tickLine={false} interval="preserveStartEnd" />
        <YAxis tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
        <Tooltip formatter={(_value, _key, item) => [String(item.payload.exact), "Value"]} />
        <Bar dataKey="amount" name="Value" fill="#1d5fd1" radius={[3, 3, 0, 0]} maxBarSize={40} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
