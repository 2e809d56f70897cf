"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type OnTimeBar = { week: string; weekStart: string; due: number; onTime: number };

const percent = (bar: OnTimeBar) => Math.round((bar.onTime / bar.due) * 100);

/** The share shipped by the promised date, per ISO week, as bars; the weeks and figures are read out too. */
export function OnTimeChart({ weeks }: { weeks: OnTimeBar[] }) {
  const data = weeks.map((w) => ({ ...w, label: w.week.slice(5), share: percent(w) }));
  const summary = weeks.map((w) => `${w.week}: ${percent(w)}% of ${w.due}`).join(", ");
  return (
    <div className="h-44 w-full" role="img" aria-label={`Orders shipped on time per week: ${summary}`} data-testid="on-time-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 18, right: 4, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" tickLine={false} />
          <YAxis domain={[0, 100]} ticks={[0, 50, 100]} unit="%" tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
          <Tooltip
            formatter={(value, _name, item) => [`${value}% (${item.payload.onTime} of ${item.payload.due})`, "on time"]}
            labelFormatter={(_label, items) => (items[0] ? `Week of ${items[0].payload.weekStart}` : "")}
            labelStyle={{ fontWeight: 600 }}
          />
          {/* The figure above each bar: a week at 0% has no bar to see. */}
          <Bar dataKey="share" fill="#1d5fd1" radius={[3, 3, 0, 0]} maxBarSize={48}>
            <LabelList dataKey="share" position="top" formatter={(value) => `${value}%`} style={{ fontSize: 11, fill: "#334155" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
