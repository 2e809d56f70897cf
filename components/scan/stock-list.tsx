import type { LevelView } from "@/lib/ledger/schemas";

/** Stock rows as a phone list: where, which lot, how many. */
export function StockList({ rows, by, empty }: { rows: LevelView[]; by: "location" | "sku"; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="stock-list">
      {rows.map((row) => (
        <li key={`${row.sku}|${row.location}|${row.lot}`} className="flex items-center justify-between gap-2 py-2">
          <span>
            <span className="font-mono font-medium">{by === "location" ? row.location : row.sku}</span>
            {row.lot && <span className="ml-2 text-sm text-slate-600">lot {row.lot}</span>}
          </span>
          <span className="text-lg font-semibold tabular-nums">{row.onHand}</span>
        </li>
      ))}
    </ul>
  );
}
