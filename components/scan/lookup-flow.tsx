"use client";

import { useState } from "react";
import { Card } from "../ui/card";
import { PalletCard } from "./pallet-card";
import { ScanInput, ScanVerdict } from "./scan-input";
import { resolveOnDevice, type Resolved } from "./scan-api";
import { signalScan } from "./scan-feedback";
import { isStorageLocation } from "./scan-rules";
import { StockList } from "./stock-list";
import { readStock, type StockRows } from "./stock-reads";

/**
 * Scan anything and see what it is and where it is. A pallet label finds its purchase order; while a pallet waits
 * to be received, a scanned bin of its site becomes where it goes.
 */
export function LookupFlow({ site, onPutAway }: { site: string; onPutAway: (from: string, site: string) => void }) {
  const [found, setFound] = useState<{ resolution: Resolved; stock: StockRows | null } | null>(null);
  const [palletTo, setPalletTo] = useState("");
  const waitingPallet = found?.resolution.pallet?.canReceive ? found.resolution.pallet : null;

  async function onScan(text: string) {
    const resolution = await resolveOnDevice(text, site);
    if (waitingPallet && isStorageLocation(resolution, waitingPallet.purchaseOrder.site)) {
      signalScan("ok");
      return setPalletTo(resolution.location!.code);
    }
    signalScan(resolution.kind === "unknown" || (resolution.kind === "sscc" && !resolution.pallet) ? "wrong" : "ok");
    setPalletTo("");
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
      <ScanInput
        prompt={waitingPallet ? "Scan the bin the pallet goes into" : "Scan anything: an item, a bin, a lot, serial or pallet"}
        onScan={onScan}
      />
      {found && <LookupCard {...found} pallet={{ to: palletTo, onToChange: setPalletTo, onPutAway }} />}
    </div>
  );
}

type PalletControls = { to: string; onToChange: (code: string) => void; onPutAway: (from: string, site: string) => void };

function LookupCard({ resolution: r, stock, pallet }: { resolution: Resolved; stock: StockRows | null; pallet: PalletControls }) {
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
            SSCC <b className="font-mono">{r.sscc}</b>
          </p>
        )}
        {r.pallet && <PalletCard key={r.pallet.sscc} pallet={r.pallet} {...pallet} />}
        {r.kind === "sscc" && !r.pallet && (
          <p role="alert" data-testid="pallet-unknown" className="rounded-lg border-2 border-red-400 bg-red-50 p-3 font-medium text-red-800">
            {r.isFromDevice ? "Offline: the pallet's purchase order can be looked up only with a connection." : r.message}
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
      return r.pallet ? "Pallet" : "Pallet label (SSCC)";
    default:
      return r.item?.name ?? r.raw;
  }
}
