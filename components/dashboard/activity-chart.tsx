"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ActivityDay } from "@/lib/dashboard/get-dashboard";

const dayLabel = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });

/** Movements posted per day over the last two weeks, as bars: a busy or a quiet week shows at a glance. */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const data = days.map((d) => ({ ...d, label: dayLabel.format(new Date(`${d.day}T00:00:00Z`)) }));
  return (
    <div className="h-48 w-full" role="img" aria-label={`Movements per day, last ${days.length} days: ${days.map((d) => d.movements).join(", ")}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
          <Tooltip formatter={(value) => [value, "movements"]} labelStyle={{ fontWeight: 600 }} />
          <Bar dataKey="movements" fill="#1d5fd1" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
