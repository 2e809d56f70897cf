import Link from "next/link";
import type { ManagerDashboard } from "@/lib/dashboard/schemas";

const ABC = ["A", "B", "C"] as const;
const XYZ = ["X", "Y", "Z"] as const;

/** Items per ABC × XYZ cell as a table (it is its own text alternative); a filled cell links to the report. */
export function AbcXyzCells({ matrix, reportHref }: { matrix: ManagerDashboard["abcXyz"]; reportHref: string }) {
  const items = (abc: string, xyz: string) => matrix.cells.find((c) => c.abc === abc && c.xyz === xyz)?.items ?? 0;
  return (
    <table className="w-full table-fixed border-separate border-spacing-1 text-center text-sm" data-testid="abc-xyz-cells">
      <caption className="mb-1 text-left text-slate-600">Items per class: A–C by consumption value, X–Z by how steady weekly demand is</caption>
      <thead>
        <tr>
          <th scope="col" className="w-8">
            <span className="sr-only">ABC class</span>
          </th>
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
              const count = items(abc, xyz);
              return (
                <td key={xyz} className={`rounded-lg ${count > 0 ? "bg-brand-50" : "bg-slate-50 text-slate-400"}`}>
                  {count > 0 ? (
                    <Link
                      href={reportHref}
                      className="flex min-h-11 items-center justify-center text-lg font-semibold tabular-nums"
                      aria-label={`${abc}${xyz}: ${count} items`}
                    >
                      {count}
                    </Link>
                  ) : (
                    <span className="flex min-h-11 items-center justify-center text-lg tabular-nums">0</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
