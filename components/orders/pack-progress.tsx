import type { OrderView } from "@/lib/orders/schemas";

/**
 * Each line's units packed against picked, with a bar; the line the last scan went to stands out, so the clerk
 * sees at a glance what is still to go in the box.
 */
export function PackProgress({ lines, lastSku }: { lines: OrderView["lines"]; lastSku: string | null }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" aria-label="Lines to pack" data-testid="pack-lines">
      {lines.map((line) => {
        const isDone = line.picked > 0 && line.packed >= line.picked;
        const share = line.picked === 0 ? 0 : Math.round((100 * line.packed) / line.picked);
        return (
          <li
            key={line.lineNo}
            data-testid="pack-line"
            data-sku={line.sku}
            className={`space-y-2 px-4 py-3 ${line.sku === lastSku ? "bg-brand-50" : ""}`}
          >
            <div className="flex items-baseline justify-between gap-3">
              <p className="min-w-0">
                <span className="font-mono font-semibold">{line.sku}</span> <span className="text-sm text-slate-600">{line.name}</span>
              </p>
              <p className="shrink-0 text-xl font-bold tabular-nums" data-testid="pack-count">
                {line.packed}
                <span className="text-base font-normal text-slate-600"> / {line.picked}</span>
              </p>
            </div>
            <div
              className="h-2 overflow-hidden rounded-full bg-slate-200"
              role="progressbar"
              aria-label={`${line.sku} packed`}
              aria-valuemin={0}
              aria-valuemax={line.picked}
              aria-valuenow={line.packed}
            >
              <div className={`h-full ${isDone ? "bg-green-600" : "bg-brand-700"}`} style={{ width: `${share}%` }} />
            </div>
            {line.picked < line.quantity && (
              <p className="text-sm text-amber-800">
                {line.quantity - line.picked} of {line.quantity} not picked yet
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The order's packages: what each holds, its size once closed, and its shipping label. */
export function PackPackages({ order }: { order: OrderView }) {
  if (order.packages.length === 0) return null;
  return (
    <section className="space-y-2" aria-label="Packages">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold">Packages</h2>
        {/* Once packed, the next step offers it beside the ship button. */}
        {order.status !== "packed" && (
          <a
            href={`/api/v1/orders/${order.id}/packing-slip.pdf`}
            className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700 hover:underline"
          >
            Packing slip (PDF)
          </a>
        )}
      </div>
      <ul className="space-y-2" data-testid="pack-packages">
        {order.packages.map((pkg) => (
          <li key={pkg.number} className="rounded-xl border border-slate-200 bg-white p-3 text-sm" data-testid="pack-package">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-semibold">
                Package {pkg.number} · {pkg.closedAt ? "closed" : "open"}
              </p>
              {pkg.closedAt && (
                <a
                  href={`/api/v1/orders/${order.id}/packages/${pkg.number}/label.pdf`}
                  className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700 hover:underline"
                >
                  Label (PDF)
                </a>
              )}
            </div>
            <p className="text-slate-700">
              {pkg.contents.length === 0 ? "Empty" : pkg.contents.map((c) => `${c.quantity} × ${c.sku}`).join(", ")}
              {pkg.closedAt && pkg.weightGrams !== null && (
                <span className="block text-slate-600">
                  {pkg.weightGrams} g · {pkg.lengthMm} × {pkg.widthMm} × {pkg.heightMm} mm
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
