"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/chart-figure";
import type { ReportRow } from "@/lib/reports/report";

/**
 * Net units lost per reason (all sites of the answer summed), as bars, with the same figures in words for a
 * screen reader and below the chart. Drawn without animation, as the other report charts are.
 */
export function ShrinkageChart({ rows }: { rows: ReportRow[] }) {
  const byReason = new Map<string, { label: string; units: number }>();
  for (const row of rows) {
    const reason = String(row.reason);
    const entry = byReason.get(reason) ?? { label: String(row.reasonLabel), units: 0 };
    entry.units += Number(row.netUnits ?? 0);
    byReason.set(reason, entry);
  }
  // No key may be called `fill` or `name`: Recharts spreads each entry onto its bar.
  const data = [...byReason.entries()].map(([reason, { label, units }]) => ({ reason, reasonLabel: label, units })).sort((a, b) => b.units - a.units);
  const summary = data.map((d) => `${d.reasonLabel}: ${d.units} units`).join("; ");
  return (
    <ChartFigure testId="shrinkage-chart" label={`Net shrinkage by reason: ${summary}`} words={<p>{summary}.</p>}>
      <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="reason" tick={{ fontSize: 11 }} tickLine={false} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
        <Tooltip
          formatter={(value) => [`${value} units`, "Net shrinkage"]}
          labelFormatter={(_label, items) => String(items[0]?.payload.reasonLabel ?? "")}
        />
        <Bar dataKey="units" name="Net shrinkage" fill="#b45309" radius={[3, 3, 0, 0]} maxBarSize={40} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
