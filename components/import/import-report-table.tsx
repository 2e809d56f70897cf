import type { RowProblem } from "@/lib/csv/import-report";

/** Rows beyond this many problems are counted, not listed: a page of 20,000 rows helps nobody. */
const LISTED = 500;

// Explicit roles: a table restyled as blocks (on a phone) loses its table semantics in some browsers.

/**
 * The bad rows of an import: one line per problem, with the file's line, the SKU, the column and the reason.
 * A table on wider screens; on a phone each problem is a small block (line and SKU above, column and reason below).
 */
export function ImportReportTable({ invalid }: { invalid: RowProblem[] }) {
  const problems = invalid.flatMap((row) => row.errors.map((error, index) => ({ row, error, first: index === 0 })));
  const listed = problems.slice(0, LISTED);
  return (
    <div data-testid="import-problems">
      <table role="table" className="w-full border-collapse text-left text-sm max-sm:block">
        <caption className="sr-only">Rows with problems</caption>
        <thead role="rowgroup" className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 max-sm:sr-only">
          <tr role="row">
            <th role="columnheader" scope="col" className="py-2 pr-3 font-semibold">
              Line
            </th>
            <th role="columnheader" scope="col" className="py-2 pr-3 font-semibold">
              SKU
            </th>
            <th role="columnheader" scope="col" className="py-2 pr-3 font-semibold">
              Column
            </th>
            <th role="columnheader" scope="col" className="py-2 font-semibold">
              Reason
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="max-sm:block">
          {listed.map(({ row, error, first }) => (
            <tr
              role="row"
              key={`${row.line}-${error.field}-${error.message}`}
              className={`align-top max-sm:grid max-sm:grid-cols-[minmax(5rem,auto)_1fr] max-sm:gap-x-3 ${first ? "border-t border-slate-100 max-sm:pt-2" : ""} max-sm:pb-2`}
            >
              <td role="cell" className={`py-2 pr-3 tabular-nums text-slate-600 max-sm:py-0 ${first ? "" : "max-sm:hidden"}`}>
                {first ? (
                  <>
                    <span className="sm:hidden">Line </span>
                    {row.line}
                  </>
                ) : null}
              </td>
              <td
                role="cell"
                className={`py-2 pr-3 font-mono text-xs leading-5 max-sm:break-all max-sm:py-0 sm:whitespace-nowrap ${first ? "" : "max-sm:hidden"}`}
              >
                {first ? (row.sku ?? "—") : null}
              </td>
              <td role="cell" className="py-2 pr-3 font-mono text-xs leading-5 text-slate-700 max-sm:py-0">
                {error.field}
              </td>
              <td role="cell" className="py-2 text-red-800 max-sm:py-0">
                {error.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > LISTED ? (
        <p className="mt-2 text-sm text-slate-600">
          Showing the first {LISTED} of {problems.length.toLocaleString("en")} problems.
        </p>
      ) : null}
    </div>
  );
}
