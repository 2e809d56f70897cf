import Link from "next/link";
import { AbcXyzTable } from "@/components/reports/abc-xyz-table";
import type { ManagerDashboard } from "@/lib/dashboard/schemas";

/** The dashboard's items per ABC × XYZ cell; a filled cell links to the report. */
export function AbcXyzCells({ matrix, reportHref }: { matrix: ManagerDashboard["abcXyz"]; reportHref: string }) {
  return (
    <AbcXyzTable
      caption="Items per class: A–C by consumption value, X–Z by how steady weekly demand is"
      testId="abc-xyz-cells"
      itemsIn={(abc, xyz) => matrix.cells.find((c) => c.abc === abc && c.xyz === xyz)?.items ?? 0}
      renderCell={({ abc, xyz, items }) =>
        items > 0 ? (
          <Link
            href={reportHref}
            className="flex min-h-11 items-center justify-center rounded-lg text-lg font-semibold text-brand-700 tabular-nums underline-offset-2 hover:underline"
            aria-label={`${abc}${xyz}: ${items} items`}
          >
            {items}
          </Link>
        ) : (
          <span className="flex min-h-11 items-center justify-center text-lg tabular-nums">0</span>
        )
      }
    />
  );
}
