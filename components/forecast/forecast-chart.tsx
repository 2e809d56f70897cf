"use client";

import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ForecastPoint = {
  label: string;
  demand?: number | null;
  stockout?: boolean;
  forecast?: number;
  band80?: [number, number];
  band95?: [number, number];
};

/** Demand as it was (a gap where stock ran out), then the forecast with its 80% and 95% intervals. */
export function ForecastChart({ points, summary }: { points: ForecastPoint[]; summary: string }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={summary} data-testid="forecast-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
          <Tooltip
            labelStyle={{ fontWeight: 600 }}
            formatter={(value) =>
              Array.isArray(value) ? value.map((v) => Math.round(Number(v) * 10) / 10).join(" – ") : Math.round(Number(value) * 10) / 10
            }
          />
          <Area dataKey="band95" name="95% interval" stroke="none" fill="#bfdbfe" fillOpacity={0.6} isAnimationActive={false} />
          <Area dataKey="band80" name="80% interval" stroke="none" fill="#93c5fd" fillOpacity={0.7} isAnimationActive={false} />
          <Line dataKey="demand" name="demand" stroke="#0f172a" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="forecast" name="forecast" stroke="#1d5fd1" strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
