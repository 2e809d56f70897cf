import type { ItemThresholds, ThresholdField, ThresholdsInForce } from "@/lib/thresholds/schemas";

const COLUMNS: { field: ThresholdField; label: string }[] = [
  { field: "min", label: "Min" },
  { field: "max", label: "Max" },
  { field: "reorderPoint", label: "Reorder at" },
  { field: "reorderQuantity", label: "Reorder qty" },
  { field: "safetyStock", label: "Safety" },
];

function Value({ row, field }: { row: ThresholdsInForce; field: ThresholdField }) {
  const value = row[field];
  if (value === null) return <span className="text-slate-400">—</span>;
  // Inherited values are the item-wide default's: shown lighter, so a site's own choices stand out.
  return row.inherited.includes(field) ? (
    <span className="text-slate-500" title="the item-wide default">
      {value}*
    </span>
  ) : (
    <span className="font-medium">{value}</span>
  );
}

/** The thresholds in force per site, the item-wide default first; * marks a value a site inherits. */
export function ItemThresholdsTable({ thresholds }: { thresholds: ItemThresholds }) {
  const rows = [{ ...thresholds.default, label: "Default" }, ...thresholds.data.map((row) => ({ ...row, label: row.site ?? "" }))];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="item-thresholds">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1 font-medium">Site</th>
            {COLUMNS.map((c) => (
              <th key={c.field} className="py-1 text-right font-medium">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} data-site={row.site ?? "default"} className="border-t border-slate-100">
              <td className="py-1">{row.label}</td>
              {COLUMNS.map((c) => (
                <td key={c.field} className="py-1 text-right tabular-nums">
                  <Value row={row} field={c.field} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">* inherited from the item-wide default</p>
    </div>
  );
}
