import type { ReportRow } from "@/lib/reports/report";
import { AbcXyzTable } from "./abc-xyz-table";

/**
 * How many items fall in each ABC × XYZ cell and their share of consumption value: the ABC × XYZ report's chart.
 * `rows` are the report's cells (its chartRows: abc, xyz, items, valueShare), over every line of the answer.
 */
export function AbcXyzMatrix({ rows }: { rows: ReportRow[] }) {
  const cells = new Map(rows.map((row) => [`${row.abc}${row.xyz}`, { items: Number(row.items ?? 0), share: Number(row.valueShare ?? 0) }]));
  const percent = (abc: string, xyz: string) => Math.round((cells.get(`${abc}${xyz}`)?.share ?? 0) * 1000) / 10;
  return (
    <AbcXyzTable
      caption="Items per class, and their share of consumption value"
      testId="abc-xyz-matrix"
      itemsIn={(abc, xyz) => cells.get(`${abc}${xyz}`)?.items ?? 0}
      renderCell={({ abc, xyz, items }) => (
        <span className="flex min-h-11 flex-col items-center justify-center p-1">
          <span className="text-lg font-semibold tabular-nums">{items}</span>
          <span className="text-xs tabular-nums">
            {percent(abc, xyz)}%{/* On a phone the column is too narrow for the words; the caption says what it is. */}
            <span className="sr-only sm:not-sr-only"> of value</span>
          </span>
        </span>
      )}
    />
  );
}
