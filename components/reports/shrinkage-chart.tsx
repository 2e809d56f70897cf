"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
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
    <figure data-testid="shrinkage-chart">
      <div className="h-64 w-full" role="img" aria-label={`Net shrinkage by reason: ${summary}`}>
        <ResponsiveContainer width="100%" height="100%">
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
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">
        <details>
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">The chart in words</summary>
          <p>{summary}.</p>
        </details>
      </figcaption>
    </figure>
  );
}
