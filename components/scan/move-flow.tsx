"use client";

import { useEffect, useRef } from "react";
import type { LevelView } from "@/lib/ledger/schemas";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { resolveOnDevice, type Resolved } from "./scan-api";
import { ScanInput, ScanVerdict } from "./scan-input";
import { isStorageLocation } from "./scan-rules";
import { StockList } from "./stock-list";
import { readStock } from "./stock-reads";
import { useCurrentState } from "./use-current-state";
import { useScanFeedback } from "./use-scan-feedback";
import { WriteOutcomeNotice } from "./write-outcome";

type Move = {
  from: string;
  contents: LevelView[];
  item: NonNullable<Resolved["item"]> | null;
  lot: string | null;
  serials: string[];
  quantity: number;
  to: string | null;
};

/**
 * Scan the source bin, the item (it must be there), the quantity, the destination bin; confirm. With `from` (a
 * pallet just received there) the move starts as if that bin had been scanned.
 */
export function MoveFlow({ site, from = null }: { site: string; from?: string | null }) {
  const [move, currentMove, setMove] = useCurrentState<Move | null>(null);
  const { verdict, judge, clearVerdict, shown, clearShown, isPosting, post } = useScanFeedback();
  const hasStarted = useRef(false);
  useEffect(() => {
    // Once, even when the effect runs twice in development.
    if (!from || hasStarted.current) return;
    hasStarted.current = true;
    void onScan(from);
  });

  async function onScan(text: string) {
    const r = await resolveOnDevice(text, site);
    const move = currentMove.current;
    if (!move) {
      if (!isStorageLocation(r, site))
        return judge({
          tone: "wrong",
          text: r.kind === "location" ? `${r.location!.code} is not a bin at ${site}` : "Scan the bin you are taking stock from first",
        });
      const { rows } = await readStock(site, { location: r.location!.code });
      clearShown();
      setMove({ from: r.location!.code, contents: rows, item: null, lot: null, serials: [], quantity: 1, to: null });
      return judge(
        rows.length
          ? { tone: "ok", text: `From ${r.location!.code}` }
          : { tone: "wrong", text: `${r.location!.code} is empty: nothing to move from it` },
      );
    }
    if (r.kind === "location") {
      if (!move.item) return judge({ tone: "wrong", text: "Scan the item you are moving before the destination" });
      if (!isStorageLocation(r, site) || r.location!.code === move.from)
        return judge({ tone: "wrong", text: `${r.location!.code} cannot be the destination` });
      setMove({ ...move, to: r.location!.code });
      return judge({ tone: "ok", text: `To ${r.location!.code}` });
    }
    if (!r.item) return judge({ tone: "wrong", text: r.message ?? `Not an item: ${r.raw}` });
    const here = move.contents.filter((row) => row.sku === r.item!.sku);
    if (here.length === 0) return judge({ tone: "wrong", text: `${r.item.sku} is not expected in ${move.from}` });
    const lot = r.fields?.lot ?? r.lot?.number ?? null;
    if (lot && !here.some((row) => row.lot === lot)) return judge({ tone: "wrong", text: `Lot ${lot} of ${r.item.sku} is not in ${move.from}` });
    if (move.item && move.item.sku !== r.item.sku) return judge({ tone: "wrong", text: `This move is for ${move.item.sku}; confirm it first` });
    const serial = r.fields?.serial ?? r.serial?.serial;
    if (r.item.tracking === "serial") {
      if (!serial) return judge({ tone: "wrong", text: "Scan the unit's serial label" });
      if (move.serials.includes(serial)) return judge({ tone: "wrong", text: `Serial ${serial} is already on this move` });
      const serials = [...move.serials, serial];
      setMove({ ...move, item: r.item, serials, quantity: serials.length });
      return judge({ tone: "ok", text: `Serial ${serial}` });
    }
    const isRepeat = move.item?.sku === r.item.sku;
    setMove({ ...move, item: r.item, lot: lot ?? move.lot ?? (here.length === 1 ? here[0].lot : null), quantity: isRepeat ? move.quantity + 1 : 1 });
    judge({ tone: "ok", text: `${r.item.sku} · ${r.item.name}` });
  }

  async function confirm() {
    if (!move?.item || !move.to) return;
    const body = {
      kind: "move",
      sku: move.item.sku,
      quantity: move.quantity,
      from: move.from,
      to: move.to,
      reason: "putaway",
      ...(move.lot ? { lot: move.lot } : {}),
      ...(move.serials.length ? { serials: move.serials } : {}),
    };
    const label = `Move ${move.quantity} × ${move.item.sku} from ${move.from} to ${move.to}`;
    const outcome = await post("/api/v1/movements", body, label);
    if (outcome.status !== "refused") setMove(null);
  }

  const prompt = !move
    ? "Scan the bin you take from"
    : !move.item
      ? "Scan the item"
      : !move.to
        ? "Enter the quantity, then scan the destination bin"
        : "Check and confirm";
  return (
    <div className="space-y-4">
      <ScanInput prompt={prompt} onScan={onScan} />
      <ScanVerdict verdict={verdict} />
      {move && (
        <section aria-label="Move" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <p>
            From <b>{move.from}</b>
            {move.to && (
              <>
                {" "}
                to <b>{move.to}</b>
              </>
            )}
          </p>
          {!move.item && <StockList rows={move.contents} by="sku" empty="Nothing is stored here." />}
          {move.item && (
            <>
              <p>
                <span className="font-mono font-semibold">{move.item.sku}</span> · {move.item.name}
                {move.lot && <> · lot {move.lot}</>}
              </p>
              <TextField
                label={`Quantity (${move.item.unit})`}
                name="quantity"
                type="number"
                min={1}
                inputMode="numeric"
                value={move.quantity}
                readOnly={move.item.tracking === "serial"}
                onChange={(e) => setMove({ ...move, quantity: Number(e.target.value) })}
              />
            </>
          )}
          <div className="flex gap-2">
            <Button onClick={confirm} disabled={!move.item || !move.to || isPosting || move.quantity < 1}>
              Confirm move
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setMove(null);
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
