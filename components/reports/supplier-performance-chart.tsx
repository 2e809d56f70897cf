"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/chart-figure";
import type { ReportRow } from "@/lib/reports/report";

const share = (value: unknown) => (typeof value === "number" ? Math.round(value * 1000) / 10 : null);
const said = (value: number | null) => (value === null ? "not measured yet" : `${value}%`);

/**
 * On-time rate and fill rate per supplier as paired bars, with the same figures in words for a screen reader
 * (the chart's label) and for everyone below it. Drawn without animation, as the forecast chart is: the bars are
 * there at once (a screenshot or a reader never catches them half-grown) and nothing moves for those who avoid motion.
 */
export function SupplierPerformanceChart({ rows }: { rows: ReportRow[] }) {
  // No key may be called `fill` or `name`: Recharts spreads each entry onto its bar, over the bar's own colour.
  const data = rows.map((r) => ({
    supplier: String(r.supplier),
    supplierName: String(r.name),
    onTimeShare: share(r.onTimeRate),
    fillShare: share(r.fillRate),
  }));
  const summary = data.map((d) => `${d.supplier}: on time ${said(d.onTimeShare)}, fill rate ${said(d.fillShare)}`).join("; ");
  return (
    <ChartFigure
      testId="supplier-performance-chart"
      label={`On-time rate and fill rate per supplier: ${summary}`}
      words={<p data-testid="supplier-performance-chart-text">{summary}.</p>}
    >
      <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="supplier" tick={{ fontSize: 11 }} tickLine={false} interval="preserveStartEnd" />
        <YAxis domain={[0, 100]} ticks={[0, 50, 100]} unit="%" tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
        <Tooltip
          formatter={(value, name) => [value === null ? "—" : `${value}%`, name]}
          labelFormatter={(_label, items) => (items[0] ? `${items[0].payload.supplierName} (${items[0].payload.supplier})` : "")}
          labelStyle={{ fontWeight: 600 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="onTimeShare" name="On-time rate" fill="#1d5fd1" radius={[3, 3, 0, 0]} maxBarSize={32} isAnimationActive={false} />
        <Bar dataKey="fillShare" name="Fill rate" fill="#64748b" radius={[3, 3, 0, 0]} maxBarSize={32} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
