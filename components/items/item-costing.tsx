import { price } from "@/components/items/item-facts";
import type { ItemCosting } from "@/lib/valuation/item-costing";

const METHOD_NAMES = { fifo: "FIFO", average: "Moving average", standard: "Standard cost" } as const;
const SOURCE_NAMES = { item: "the item's own", category: "from its category", installation: "the installation's default" } as const;

/** The method the item is valued by now, and what its stock is worth at each site (as the ledger keeps it). */
export function ItemCostingFacts({ costing }: { costing: ItemCosting }) {
  return (
    <div className="space-y-3 text-sm">
      <p data-testid="item-costing-method">
        <span className="font-medium">{METHOD_NAMES[costing.method]}</span> <span className="text-slate-600">({SOURCE_NAMES[costing.source]})</span>
        {costing.method === "standard" && costing.standardCost !== null ? (
          <span className="block text-slate-700" data-testid="item-standard-cost">
            Standard cost {price(costing.standardCost)} {costing.currency}
          </span>
        ) : null}
      </p>
      {costing.sites.length === 0 ? (
        <p className="text-slate-500">No stock valued yet: the value shows once stock is received.</p>
      ) : (
        <table className="w-full" data-testid="item-value-by-site">
          <caption className="sr-only">Value of the stock by site</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="py-1 font-medium">
                Site
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                On hand
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Value ({costing.currency})
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {costing.sites.map((row) => (
              <tr key={row.site} data-site={row.site}>
                <td className="py-1.5">{row.site}</td>
                <td className="py-1.5 text-right tabular-nums">{row.quantity}</td>
                <td className="py-1.5 text-right tabular-nums">{price(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
