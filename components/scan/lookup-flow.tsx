"use client";

import { useState } from "react";
import { Card } from "../ui/card";
import { ScanInput, ScanVerdict } from "./scan-input";
import { resolveOnDevice, type Resolved } from "./scan-api";
import { signalScan } from "./scan-feedback";
import { StockList } from "./stock-list";
import { readStock, type StockRows } from "./stock-reads";

/** Scan anything and see what it is and where it is. */
export function LookupFlow({ site }: { site: string }) {
  const [found, setFound] = useState<{ resolution: Resolved; stock: StockRows | null } | null>(null);

  async function onScan(text: string) {
    const resolution = await resolveOnDevice(text, site);
    signalScan(resolution.kind === "unknown" ? "wrong" : "ok");
    let stock: StockRows | null = null;
    if (resolution.kind === "location") stock = await readStock(site, { location: resolution.location!.code });
    else if (resolution.item) {
      stock = await readStock(site, { sku: resolution.item.sku });
      if (resolution.kind === "lot") stock = { ...stock, rows: stock.rows.filter((row) => row.lot === resolution.lot!.number) };
    }
    setFound({ resolution, stock });
  }

  return (
    <div className="space-y-4">
      <ScanInput prompt="Scan anything: an item, a bin, a lot or serial" onScan={onScan} />
      {found && <LookupCard {...found} />}
    </div>
  );
}

function LookupCard({ resolution: r, stock }: { resolution: Resolved; stock: StockRows | null }) {
  if (r.kind === "unknown") return <ScanVerdict verdict={{ tone: "wrong", text: `${r.message ?? "Not recognised"} — scanned: ${r.raw}` }} />;
  return (
    <Card title={titleOf(r)} action={r.isFromDevice ? <span className="text-xs text-amber-700">from this device&apos;s copy</span> : undefined}>
      <div data-testid="lookup-card" data-kind={r.kind} className="space-y-3">
        {r.item && (
          <p>
            <span className="font-mono font-semibold">{r.item.sku}</span> · {r.item.name}
            {r.item.gtin && <span className="block text-sm text-slate-600">GTIN {r.item.gtin}</span>}
          </p>
        )}
        {r.lot && (
          <p className="text-sm">
            Lot <b>{r.lot.number}</b>
            {r.lot.expiresOn && <> · expires {r.lot.expiresOn}</>}
            {!r.lot.isKnown && " · not received yet"}
          </p>
        )}
        {r.serial && (
          <p className="text-sm">
            Serial <b>{r.serial.serial}</b> ·{" "}
            {r.serial.location ? (
              <>
                at <b>{r.serial.location}</b>
              </>
            ) : (
              "not in stock here"
            )}
          </p>
        )}
        {r.sscc && (
          <p className="text-sm">
            Pallet / carton SSCC <b className="font-mono">{r.sscc}</b>. Pallets are not tracked as such: scan the items on it.
          </p>
        )}
        {stock && (
          <div>
            <h3 className="mb-1 text-sm font-semibold text-slate-700">{r.kind === "location" ? "What is here" : "Where to find it"}</h3>
            <StockList
              rows={stock.rows}
              by={r.kind === "location" ? "sku" : "location"}
              empty={r.kind === "location" ? "Nothing is stored here." : "None in stock at this site."}
            />
          </div>
        )}
      </div>
    </Card>
  );
}

function titleOf(r: Resolved): string {
  switch (r.kind) {
    case "location":
      return `${r.location!.code} · ${r.location!.name}`;
    case "lot":
      return `Lot ${r.lot!.number}`;
    case "serial":
      return `Serial ${r.serial!.serial}`;
    case "sscc":
      return "Pallet label (SSCC)";
    default:
      return r.item?.name ?? r.raw;
  }
}
