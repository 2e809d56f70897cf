"use client";

import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/chart-figure";

const dayLabel = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });
const number = new Intl.NumberFormat("en");
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

export type SeriesPoint = { day: string; value: number };

/**
 * A figure per day (units or value on hand) as an area. The chart is a picture for sighted readers; its
 * aria-label gives the first, lowest, highest and last figures, and "The chart in words" lists every day.
 */
export function SeriesChart({ points, label, unit, testId }: { points: SeriesPoint[]; label: string; unit: string; testId: string }) {
  const data = points.map((p) => ({ ...p, label: dayLabel.format(new Date(`${p.day}T00:00:00Z`)) }));
  const values = points.map((p) => p.value);
  const summary =
    points.length === 0
      ? "no days"
      : `${number.format(values[0])} ${unit} on ${points[0].day}, ${number.format(values.at(-1)!)} on ${points.at(-1)!.day}; ` +
        `lowest ${number.format(Math.min(...values))}, highest ${number.format(Math.max(...values))}`;
  return (
    <ChartFigure
      testId={testId}
      label={`${label}: ${summary}`}
      heightClassName="h-44 sm:h-52"
      captionClassName=""
      words={
        <div className="max-h-64 overflow-y-auto" tabIndex={0} aria-label={`${label} per day`}>
          <table className="w-full text-left tabular-nums">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="text-right">
                  {label}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.day}>
                  <td>{p.day}</td>
                  <td className="text-right">{number.format(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    >
      <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} tickLine={false} interval="preserveStartEnd" minTickGap={24} />
        <YAxis
          allowDecimals={false}
          tick={{ fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          width={44}
          tickFormatter={(value) => compact.format(Number(value))}
        />
        <Tooltip formatter={(value) => [`${number.format(Number(value))} ${unit}`, label]} labelStyle={{ fontWeight: 600 }} />
        <Area type="stepAfter" dataKey="value" stroke="#1d5fd1" fill="#dbe7fb" strokeWidth={2} isAnimationActive={false} />
      </AreaChart>
    </ChartFigure>
  );
}
