import type { ReactNode } from "react";

export const ABC_CLASSES = ["A", "B", "C"] as const;
export const XYZ_CLASSES = ["X", "Y", "Z"] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];
export type XyzClass = (typeof XYZ_CLASSES)[number];

/** One cell of the grid, as the cell renderer gets it. */
export type AbcXyzCell = { abc: AbcClass; xyz: XyzClass; items: number };

/** What each class means, under its letter (lib/reports/abc-xyz.ts: A–C by consumption value, X–Z by weekly demand's variation). */
const ABC_MEANING: Record<AbcClass, string> = { A: "most value", B: "middle", C: "least value" };
const XYZ_MEANING: Record<XyzClass, string> = { X: "steady", Y: "variable", Z: "erratic" };

/**
 * The 3 × 3 ABC × XYZ grid buyers plan by, as a table (it is its own text alternative): a row per ABC class, a
 * column per XYZ class, each header its letter and what it means, so a screen reader announces "A most value, X
 * steady" before a cell. A cell with items is tinted; `renderCell` draws what it holds (a count, a link, a share
 * of value). The dashboard's tile and the ABC × XYZ report's chart both draw it.
 */
export function AbcXyzTable({
  caption,
  itemsIn,
  renderCell,
  testId,
}: {
  caption: string;
  /** How many items the cell holds. */
  itemsIn: (abc: AbcClass, xyz: XyzClass) => number;
  renderCell: (cell: AbcXyzCell) => ReactNode;
  testId: string;
}) {
  return (
    <table className="w-full table-fixed border-separate border-spacing-1 text-center text-sm" data-testid={testId}>
      <caption className="mb-1 text-left text-slate-600">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-16 sm:w-20">
            <span className="sr-only">ABC class</span>
          </th>
          {XYZ_CLASSES.map((xyz) => (
            <th key={xyz} scope="col" className="pb-1 align-bottom">
              <span className="block font-semibold">{xyz}</span> <span className="block text-xs font-normal text-slate-500">{XYZ_MEANING[xyz]}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ABC_CLASSES.map((abc) => (
          <tr key={abc}>
            <th scope="row" className="pr-1 text-left">
              <span className="block font-semibold">{abc}</span>{" "}
              <span className="block text-xs leading-tight font-normal text-slate-500">{ABC_MEANING[abc]}</span>
            </th>
            {XYZ_CLASSES.map((xyz) => {
              const items = itemsIn(abc, xyz);
              return (
                <td key={xyz} className={`rounded-lg ${items > 0 ? "bg-brand-50 text-slate-900" : "bg-slate-50 text-slate-500"}`}>
                  {renderCell({ abc, xyz, items })}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
