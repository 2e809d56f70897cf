import { Badge } from "@/components/ui/badge";
import type { ItemView } from "@/lib/catalog/schemas";

/** "12.5000" → "12.50", "0.1234" stays: the stored decimal string, never a float (money stays exact). */
export function price(amount: string) {
  const [whole, fraction = ""] = amount.split(".");
  return `${whole}.${fraction.replace(/0+$/, "").padEnd(2, "0")}`;
}

const NONE = <p className="text-sm text-slate-500">None recorded.</p>;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

function temperature({ tempMinC, tempMaxC }: ItemView["storage"]) {
  if (tempMinC !== null && tempMaxC !== null) return `${tempMinC} to ${tempMaxC} °C`;
  if (tempMinC !== null) return `at least ${tempMinC} °C`;
  if (tempMaxC !== null) return `at most ${tempMaxC} °C`;
  return null;
}

export function StorageRequirements({ storage }: { storage: ItemView["storage"] }) {
  const range = temperature(storage);
  if (!range && storage.humidityMaxPct === null && !storage.hazardClass && !storage.handlingNotes) {
    return <p className="text-sm text-slate-500">No special requirements: any ambient location will do.</p>;
  }
  return (
    <>
      <dl className="divide-y divide-slate-100 text-sm">
        {range ? <Fact label="Temperature">{range}</Fact> : null}
        {storage.humidityMaxPct !== null ? <Fact label="Humidity">at most {storage.humidityMaxPct}%</Fact> : null}
        {storage.hazardClass ? (
          <Fact label="Hazard class">
            <Badge tone="amber">UN class {storage.hazardClass}</Badge>
          </Fact>
        ) : null}
      </dl>
      {storage.handlingNotes ? <p className="mt-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{storage.handlingNotes}</p> : null}
    </>
  );
}

export function BarcodeList({ barcodes }: { barcodes: ItemView["barcodes"] }) {
  if (barcodes.length === 0) return NONE;
  return (
    <ul className="space-y-1 text-sm">
      {barcodes.map((b) => (
        <li key={b.code} className="flex items-center justify-between gap-2">
          <span className="break-all font-mono">{b.code}</span>
          <Badge>{b.kind === "gtin" ? "GTIN" : "alias"}</Badge>
        </li>
      ))}
    </ul>
  );
}

export function SupplierList({ suppliers, unit }: { suppliers: ItemView["suppliers"]; unit: string }) {
  if (suppliers.length === 0) return NONE;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {suppliers.map((s) => (
        <li key={s.supplier} className="py-2">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            {s.supplierName} <span className="font-mono text-slate-500">{s.supplier}</span>
            {s.preferred ? <Badge tone="blue">Preferred</Badge> : null}
          </p>
          <p className="text-slate-600">
            {[
              s.supplierSku ? `their SKU ${s.supplierSku}` : null,
              s.unitCost ? `${s.currency} ${price(s.unitCost)} per ${unit}` : null,
              s.leadTimeDays !== null ? `${s.leadTimeDays} days lead time` : null,
              s.minOrderQty !== null ? `order at least ${s.minOrderQty}` : null,
              s.packSize > 1 ? `packs of ${s.packSize} ${unit}` : null,
              ...s.priceBreaks.map((b) => `${s.currency} ${price(b.unitCost)} from ${b.minQty}`),
            ]
              .filter(Boolean)
              .join(" · ") || "No terms recorded"}
          </p>
        </li>
      ))}
    </ul>
  );
}
