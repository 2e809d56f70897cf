import type { ReportRow } from "@/lib/reports/report";
import { AbcXyzTable } from "./abc-xyz-table";

/** How many items fall in each ABC × XYZ cell and their share of consumption value: the ABC × XYZ report's chart. */
export function AbcXyzMatrix({ rows }: { rows: ReportRow[] }) {
  const cells = new Map<string, { items: number; share: number }>();
  for (const row of rows) {
    const key = `${row.abc}${row.xyz}`;
    const cell = cells.get(key) ?? { items: 0, share: 0 };
    cells.set(key, { items: cell.items + 1, share: cell.share + Number(row.valueShare ?? 0) });
  }
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
