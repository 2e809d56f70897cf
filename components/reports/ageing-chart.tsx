"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/chart-figure";
import { sumAmounts } from "@/lib/money/fixed-point";
import { AGE_BUCKETS } from "@/lib/reports/age-buckets";
import type { ReportRow } from "@/lib/reports/report";

/**
 * The value on hand per age bucket (every row of the answer summed exactly, then drawn), youngest first, with the
 * same figures in words for a screen reader and below the chart.
 */
export function AgeingChart({ rows }: { rows: ReportRow[] }) {
  // No key may be called `fill` or `name`: Recharts spreads each entry onto its bar.
  const data = AGE_BUCKETS.map((bucket) => {
    const exact = sumAmounts(rows.map((row) => String(row[`value${bucket.key}`] ?? "0")));
    const units = rows.reduce((sum, row) => sum + Number(row[`units${bucket.key}`] ?? 0), 0);
    return { bucket: bucket.label, exact, units, amount: Number(exact) };
  });
  const summary = data.map((d) => `${d.bucket}: ${d.exact} (${d.units} units)`).join("; ");
  return (
    <ChartFigure testId="ageing-chart" label={`Value on hand by age: ${summary}`} words={<p>{summary}.</p>}>
      <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="bucket" tick={{ fontSize: 11 }} tickLine={false} interval={0} />
        <YAxis tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
        <Tooltip formatter={(_value, _key, item) => [`${String(item.payload.exact)} (${String(item.payload.units)} units)`, "Value"]} />
        <Bar dataKey="amount" name="Value" fill="#b45309" radius={[3, 3, 0, 0]} maxBarSize={40} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
