"use client";

import { useEffect, useState } from "react";
import { callApi, Offline } from "@/lib/http/api-client";
import type { PickConfirmation, PickListSummary, PickListView } from "@/lib/picking/schemas";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/card";
import { TextField } from "../ui/field";
import { loadDocument, saveDocument } from "./offline-store";
import { resolveOnDevice } from "./scan-api";
import { ScanInput, ScanVerdict } from "./scan-input";
import { useCurrentState } from "./use-current-state";
import { useScanFeedback } from "./use-scan-feedback";
import { WriteOutcomeNotice } from "./write-outcome";

/** Open pick lists at the site; choose one, then pick it line by line. */
export function PickFlow({ site }: { site: string }) {
  const [lists, setLists] = useState<PickListSummary[] | null>(null);
  const [chosen, setChosen] = useState<PickListView | null>(null);

  useEffect(() => {
    const key = `pick-lists:${site}`;
    callApi<{ data: PickListSummary[] }>(`/api/v1/pick-lists?site=${encodeURIComponent(site)}&status=open`)
      .then(async (answer) => {
        const data = answer.ok ? answer.data.data : [];
        setLists(data);
        await saveDocument(key, data);
      })
      .catch(async (error) => {
        if (!(error instanceof Offline)) throw error;
        setLists((await loadDocument<PickListSummary[]>(key)) ?? []);
      });
  }, [site, chosen]);

  async function open(id: string) {
    const list = await loadPickList(id);
    if (list) setChosen(list);
  }

  // Arriving with ?list=<id> (from an order's "Open pick list"): that list, straight away.
  useEffect(() => {
    const wanted = new URLSearchParams(location.search).get("list");
    if (wanted) void loadPickList(wanted).then((list) => list && setChosen(list));
  }, []);

  if (chosen) return <PickListWork list={chosen} onChange={setChosen} onClose={() => setChosen(null)} />;
  if (lists === null) return <p className="text-slate-600">Loading pick lists…</p>;
  if (lists.length === 0)
    return (
      <EmptyState title="No open pick lists at this site">Pick lists arrive from the order system (POST /api/v1/pick-lists) or a manager.</EmptyState>
    );
  return (
    <ul className="space-y-2" data-testid="pick-lists">
      {lists.map((list) => (
        <li key={list.id}>
          <button
            type="button"
            onClick={() => open(list.id)}
            className="flex min-h-14 w-full items-center justify-between rounded-xl border border-slate-200 bg-white px-4 text-left"
          >
            <span className="font-semibold">{list.reference}</span>
            <span className="text-sm text-slate-600">
              {list.pickedLines} of {list.lineCount} lines picked
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The list from the server (kept on the device), or the device's copy when offline. */
async function loadPickList(id: string): Promise<PickListView | null> {
  try {
    const answer = await callApi<PickListView>(`/api/v1/pick-lists/${id}`);
    if (answer.ok) {
      await saveDocument(`pick-list:${id}`, answer.data);
      return answer.data;
    }
  } catch (error) {
    if (!(error instanceof Offline)) throw error;
  }
  return (await loadDocument<PickListView>(`pick-list:${id}`)) ?? null;
}

type Step = { bin: string | null; sku: string | null; lot: string | null; serials: string[]; quantity: number };
const freshStep: Step = { bin: null, sku: null, lot: null, serials: [], quantity: 0 };

function PickListWork({ list, onChange, onClose }: { list: PickListView; onChange: (list: PickListView) => void; onClose: () => void }) {
  const line = list.lines.find((l) => l.remaining > 0) ?? null;
  const [step, currentStep, setStep] = useCurrentState<Step>(freshStep);
  const { verdict, judge, shown, isPosting, post } = useScanFeedback();

  async function onScan(text: string) {
    if (!line) return;
    const r = await resolveOnDevice(text, list.site);
    const step = currentStep.current;
    if (!step.bin) {
      if (r.kind === "location" && r.location!.code === line.from) {
        setStep({ ...freshStep, bin: line.from });
        return judge({ tone: "ok", text: `At ${line.from}` });
      }
      return judge({ tone: "wrong", text: `Wrong place: go to ${line.from} and scan its label` });
    }
    if (!r.item || r.item.sku !== line.sku)
      return judge({ tone: "wrong", text: `Wrong item${r.item ? ` (${r.item.sku})` : ""}: this line is ${line.sku}` });
    const lot = r.fields?.lot ?? r.lot?.number ?? null;
    if (line.lot && lot && lot !== line.lot) return judge({ tone: "wrong", text: `Wrong lot ${lot}: take lot ${line.lot}` });
    const serial = r.fields?.serial ?? r.serial?.serial;
    if (line.tracking === "serial") {
      if (!serial) return judge({ tone: "wrong", text: "Scan the unit's serial label" });
      if (step.serials.includes(serial)) return judge({ tone: "wrong", text: `Serial ${serial} is already picked here` });
      if (step.serials.length >= line.remaining) return judge({ tone: "wrong", text: `Only ${line.remaining} to pick on this line` });
      const serials = [...step.serials, serial];
      setStep({ ...step, sku: line.sku, serials, quantity: serials.length });
      return judge({ tone: "ok", text: `Serial ${serial}` });
    }
    const quantity = Math.min(line.remaining, step.sku ? step.quantity + 1 : (r.fields?.quantity ?? line.remaining));
    setStep({ ...step, sku: line.sku, lot: lot ?? line.lot, quantity });
    judge({ tone: "ok", text: `${line.sku} ✓` });
  }

  async function confirm() {
    if (!line || !step.sku) return;
    const body = {
      lineNo: line.lineNo,
      from: line.from,
      sku: line.sku,
      quantity: step.quantity,
      ...(step.lot ? { lot: step.lot } : {}),
      ...(step.serials.length ? { serials: step.serials } : {}),
    };
    const label = `Pick ${step.quantity} × ${line.sku} from ${line.from} for ${list.reference}`;
    const outcome = await post<PickConfirmation>(`/api/v1/pick-lists/${list.id}/picks`, body, label);
    if (outcome.status === "refused") return;
    // Queued offline: mark the line picked on the device so the clerk can go on to the next one.
    const next = outcome.status === "posted" ? outcome.data.pickList : withPicked(list, line.lineNo, step.quantity);
    await saveDocument(`pick-list:${list.id}`, next);
    onChange(next);
    setStep(freshStep);
  }

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Pick list {list.reference}</h2>
        <div className="flex shrink-0 gap-1">
          {/* The stops still to visit, in route order, drawn on the site's plan. */}
          <a
            href={`/locations/map?site=${encodeURIComponent(list.site)}&route=${list.lines
              .filter((l) => l.remaining > 0)
              .map((l) => encodeURIComponent(l.from))
              .join(",")}`}
            className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700"
          >
            Route
          </a>
          <a href={`/pick-lists/${list.id}`} className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700">
            Print
          </a>
          <Button variant="ghost" onClick={onClose}>
            All lists
          </Button>
        </div>
      </div>
      {line ? (
        <>
          <ScanInput prompt={!step.bin ? `Go to ${line.from} and scan its label` : `Scan ${line.sku} (${line.remaining} to pick)`} onScan={onScan} />
          <ScanVerdict verdict={verdict} />
          <section aria-label="Current line" className="space-y-3 rounded-xl border-2 border-brand-700 bg-white p-4" data-testid="pick-line">
            <p className="text-sm text-slate-600">
              Line {line.lineNo} of {list.lines.length}
            </p>
            <p className="text-2xl font-bold">{line.from}</p>
            <p>
              <span className="font-mono font-semibold">{line.sku}</span> · {line.name}
              {line.lot && (
                <>
                  {" "}
                  · lot <b>{line.lot}</b>
                </>
              )}
            </p>
            <p>
              Take <b className="text-xl">{line.remaining}</b>
            </p>
            {step.sku && (
              <TextField
                label="Quantity taken"
                name="pick-quantity"
                type="number"
                min={1}
                max={line.remaining}
                inputMode="numeric"
                value={step.quantity}
                readOnly={line.tracking === "serial"}
                onChange={(e) => setStep({ ...step, quantity: Number(e.target.value) })}
              />
            )}
            <Button onClick={confirm} disabled={!step.sku || isPosting || step.quantity < 1 || step.quantity > line.remaining}>
              Confirm pick
            </Button>
          </section>
        </>
      ) : (
        <div role="status" className="space-y-2 rounded-lg border-2 border-green-300 bg-green-50 p-3 text-green-900">
          <p>Every line is picked.</p>
          {/* An order's list: its units wait in staging for the pack station. */}
          {(list.orders ?? []).map((order) => (
            <a
              key={order.id}
              href={`/orders/${order.id}/pack`}
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-900"
            >
              Pack order {order.number}
            </a>
          ))}
        </div>
      )}
      <WriteOutcomeNotice shown={shown} />
      <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label="Lines">
        {list.lines.map((l) => (
          <li key={l.lineNo} className={`flex justify-between gap-2 px-4 py-2 ${l.remaining === 0 ? "text-slate-400 line-through" : ""}`}>
            <span>
              {l.from} · {l.sku}
              {l.lot ? ` · ${l.lot}` : ""}
            </span>
            <span className="tabular-nums">
              {l.picked}/{l.quantity}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function withPicked(list: PickListView, lineNo: number, quantity: number): PickListView {
  return {
    ...list,
    lines: list.lines.map((l) => (l.lineNo === lineNo ? { ...l, picked: l.picked + quantity, remaining: l.remaining - quantity } : l)),
  };
}
