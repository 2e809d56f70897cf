"use client";

import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { resolveOnDevice, type Resolved } from "./scan-api";
import { ScanInput, ScanVerdict } from "./scan-input";
import { isStorageLocation } from "./scan-rules";
import { useCurrentState } from "./use-current-state";
import { useScanFeedback } from "./use-scan-feedback";
import { WriteOutcomeNotice } from "./write-outcome";

type Receipt = {
  item: NonNullable<Resolved["item"]>;
  quantity: number;
  lot: string;
  expiresAt: string;
  serials: string[];
  to: string | null;
};

/** Scan the item (GS1 fills lot, expiry, count or serial), scan the bin it goes to, confirm. */
export function ReceiveFlow({ site }: { site: string }) {
  const [receipt, currentReceipt, setReceipt] = useCurrentState<Receipt | null>(null);
  const { verdict, judge, clearVerdict, shown, clearShown, isPosting, post } = useScanFeedback();

  async function onScan(text: string) {
    const r = await resolveOnDevice(text, site);
    const receipt = currentReceipt.current;
    if (r.kind === "location") {
      if (!receipt) return judge({ tone: "wrong", text: `${r.location!.code} is a location: scan the item first` });
      if (!isStorageLocation(r, site)) return judge({ tone: "wrong", text: `${r.location!.code} is not a bin at ${site}` });
      setReceipt({ ...receipt, to: r.location!.code });
      return judge({ tone: "ok", text: `Into ${r.location!.code}` });
    }
    if (r.pallet) return judge({ tone: "wrong", text: `A pallet for ${r.pallet.purchaseOrder.number}: receive whole pallets from Look up` });
    if (!r.item) return judge({ tone: "wrong", text: r.message ?? `Not an item: ${r.raw}` });
    if (receipt && receipt.item.sku !== r.item.sku) {
      return judge({ tone: "wrong", text: `That is ${r.item.sku}; this receipt is for ${receipt.item.sku}. Confirm or start over first.` });
    }
    const fields = r.fields ?? {};
    if (receipt && r.item.tracking === "serial") {
      const serial = fields.serial ?? r.serial?.serial;
      if (!serial) return judge({ tone: "wrong", text: "Scan the unit's serial number label" });
      if (receipt.serials.includes(serial)) return judge({ tone: "wrong", text: `Serial ${serial} is already on this receipt` });
      setReceipt({ ...receipt, serials: [...receipt.serials, serial], quantity: receipt.serials.length + 1 });
      return judge({ tone: "ok", text: `Serial ${serial} added` });
    }
    if (receipt) {
      setReceipt({ ...receipt, quantity: receipt.quantity + (fields.quantity ?? 1) });
      return judge({ tone: "ok", text: `One more ${r.item.sku}` });
    }
    const serials = fields.serial ? [fields.serial] : [];
    clearShown();
    setReceipt({
      item: r.item,
      to: null,
      serials,
      quantity: serials.length || fields.quantity || 1,
      lot: fields.lot ?? r.lot?.number ?? "",
      expiresAt: fields.expiresAt ?? r.lot?.expiresOn ?? "",
    });
    judge({ tone: "ok", text: `${r.item.sku} · ${r.item.name}` });
  }

  async function confirm() {
    if (!receipt?.to) return;
    const body = {
      kind: "receive",
      sku: receipt.item.sku,
      quantity: receipt.quantity,
      to: receipt.to,
      reason: "received",
      ...(receipt.lot ? { lot: receipt.lot } : {}),
      ...(receipt.expiresAt ? { expiresAt: receipt.expiresAt } : {}),
      ...(receipt.serials.length ? { serials: receipt.serials } : {}),
    };
    const label = `Receive ${receipt.quantity} × ${receipt.item.sku}${receipt.lot ? ` lot ${receipt.lot}` : ""} into ${receipt.to}`;
    const outcome = await post("/api/v1/movements", body, label);
    if (outcome.status !== "refused") setReceipt(null);
  }

  const prompt = !receipt ? "Scan the item you are receiving" : !receipt.to ? "Scan the bin it goes into" : "Check and confirm";
  return (
    <div className="space-y-4">
      <ScanInput prompt={prompt} onScan={onScan} />
      <ScanVerdict verdict={verdict} />
      {receipt && (
        <section aria-label="Receipt" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <p>
            <span className="font-mono font-semibold">{receipt.item.sku}</span> · {receipt.item.name}
          </p>
          <TextField
            label={`Quantity (${receipt.item.unit})`}
            name="quantity"
            type="number"
            min={1}
            inputMode="numeric"
            value={receipt.quantity}
            readOnly={receipt.item.tracking === "serial"}
            onChange={(e) => setReceipt({ ...receipt, quantity: Number(e.target.value) })}
          />
          {receipt.item.tracking === "lot" && (
            <div className="grid grid-cols-2 gap-3">
              <TextField label="Lot" name="lot" value={receipt.lot} onChange={(e) => setReceipt({ ...receipt, lot: e.target.value })} />
              <TextField
                label="Expires"
                name="expiresAt"
                type="date"
                value={receipt.expiresAt}
                onChange={(e) => setReceipt({ ...receipt, expiresAt: e.target.value })}
              />
            </div>
          )}
          {receipt.item.tracking === "serial" && (
            <p className="text-sm" data-testid="receipt-serials">
              Serials: {receipt.serials.join(", ") || "scan each unit's serial"}
            </p>
          )}
          <p>
            Into: <b data-testid="receipt-to">{receipt.to ?? "scan a bin"}</b>
          </p>
          <div className="flex gap-2">
            <Button onClick={confirm} disabled={!receipt.to || isPosting || receipt.quantity < 1}>
              Confirm receipt
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setReceipt(null);
                clearVerdict();
              }}
            >
              Start over
            </Button>
          </div>
        </section>
      )}
      <WriteOutcomeNotice shown={shown} />
    </div>
  );
}
