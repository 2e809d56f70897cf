import type { ReportRow } from "@/lib/reports/report";

const ABC = ["A", "B", "C"] as const;
const XYZ = ["X", "Y", "Z"] as const;

/** How many items fall in each ABC × XYZ cell and their share of consumption value: the matrix buyers plan by. */
export function AbcXyzMatrix({ rows }: { rows: ReportRow[] }) {
  const cell = (abc: string, xyz: string) => {
    const inCell = rows.filter((r) => r.abc === abc && r.xyz === xyz);
    const share = inCell.reduce((sum, r) => sum + Number(r.valueShare ?? 0), 0);
    return { items: inCell.length, share: Math.round(share * 1000) / 10 };
  };
  return (
    <table className="w-full table-fixed border-separate border-spacing-1 text-center text-sm" data-testid="abc-xyz-matrix">
      <caption className="mb-1 text-left text-slate-600">Items per class, and their share of consumption value</caption>
      <thead>
        <tr>
          <th scope="col" className="w-10" />
          {XYZ.map((xyz) => (
            <th key={xyz} scope="col" className="font-semibold">
              {xyz}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ABC.map((abc) => (
          <tr key={abc}>
            <th scope="row" className="font-semibold">
              {abc}
            </th>
            {XYZ.map((xyz) => {
              const { items, share } = cell(abc, xyz);
              return (
                <td key={xyz} className={`rounded-lg p-2 ${items > 0 ? "bg-brand-50" : "bg-slate-50 text-slate-400"}`}>
                  <span className="block text-lg font-semibold tabular-nums">{items}</span>
                  <span className="text-xs tabular-nums">{share}% of value</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
