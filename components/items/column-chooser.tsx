"use client";

import type { Column } from "@tanstack/react-table";
import { Checkbox } from "@/components/ui/checkbox";

/** A disclosure listing the columns that may be hidden, each with a checkbox. Wide screens only: phones show cards. */
export function ColumnChooser<Row>({ columns }: { columns: Column<Row, unknown>[] }) {
  return (
    <details className="relative hidden md:block">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 font-medium hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.8}>
          <path d="M4 5h16v14H4zM9.5 5v14M14.5 5v14" />
        </svg>
        Columns
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
        <legend className="sr-only">Columns to show</legend>
        {columns
          .filter((column) => column.getCanHide())
          .map((column) => (
            <Checkbox
              key={column.id}
              checked={column.getIsVisible()}
              onChange={column.getToggleVisibilityHandler()}
              className="flex rounded-md hover:bg-slate-50"
            >
              {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
            </Checkbox>
          ))}
      </fieldset>
    </details>
  );
}
