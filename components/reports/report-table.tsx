"use client";

import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { ReportColumn, ReportRow } from "@/lib/reports/report";
import { formatReportValue } from "./format-report-value";

/**
 * A report's rows, sortable by any column in the browser (the report answers them all at once). Empty values
 * sort last in either direction; numbers sort as numbers, most first on the first click.
 */
export function ReportTable({ columns, rows }: { columns: readonly ReportColumn[]; rows: ReportRow[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columnDefs: ColumnDef<ReportRow>[] = columns.map((c) => {
    const numeric = c.type === "integer" || c.type === "decimal" || c.type === "percent";
    return {
      id: c.key,
      // undefined, not null: TanStack keeps undefined values last whichever way the column is sorted.
      accessorFn: (row) => row[c.key] ?? undefined,
      header: () => <span title={c.description}>{c.label}</span>,
      cell: (cell) => formatReportValue(cell.row.original[c.key] ?? null, c.type),
      sortUndefined: "last",
      sortDescFirst: numeric,
      sortingFn: numeric ? "basic" : "alphanumeric",
      meta: { numeric, wide: c.key === "name" },
    };
  });
  // The rule warns that the React Compiler cannot memoise around TanStack Table's mutable table object. This
  // project does not run the compiler, and nothing here memoises on the table.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    state: { sorting },
    onSortingChange: setSorting,
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return <DataTable table={table} testId="report-table" />;
}
