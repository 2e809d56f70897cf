"use client";

import { useEffect, useState } from "react";
import { callApi, Offline } from "@/lib/http/api-client";
import type { ReplenishmentView } from "@/lib/replenishment/schemas";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/card";
import { TextField } from "../ui/field";
import { loadDocument, saveDocument } from "./offline-store";
import { resolveOnDevice } from "./scan-api";
import { ScanInput, ScanVerdict } from "./scan-input";
import { useCurrentState } from "./use-current-state";
import { useScanFeedback } from "./use-scan-feedback";
import { WriteOutcomeNotice } from "./write-outcome";

type Step = "from" | "item" | "to" | "confirm";

/** Open pick-face refills at the site, oldest first; choose one, then scan the reserve bin, the item and the face. */
export function RefillFlow({ site }: { site: string }) {
  const [tasks, setTasks] = useState<ReplenishmentView[] | null>(null);
  const [chosen, setChosen] = useState<ReplenishmentView | null>(null);

  useEffect(() => {
    const key = `refills:${site}`;
    callApi<{ data: ReplenishmentView[] }>(`/api/v1/replenishments?site=${encodeURIComponent(site)}`)
      .then(async (answer) => {
        const data = answer.ok ? answer.data.data : [];
        setTasks(data);
        await saveDocument(key, data);
      })
      .catch(async (error) => {
        if (!(error instanceof Offline)) throw error;
        setTasks((await loadDocument<ReplenishmentView[]>(key)) ?? []);
      });
  }, [site, chosen]);

  if (chosen) return <RefillWork key={chosen.id} task={chosen} onDone={() => setChosen(null)} />;
  if (tasks === null) return <p className="text-slate-600">Loading refills…</p>;
  if (tasks.length === 0)
    return (
      <EmptyState title="No pick face needs a refill">
        Refills appear here when a pick face falls to its refill level. A manager sets a bin&apos;s refill level (PUT
        /api/v1/locations/&#123;code&#125;/refill).
      </EmptyState>
    );
  return (
    <ul className="space-y-2" data-testid="refill-tasks">
      {tasks.map((task) => (
        <li key={task.id}>
          <button
            type="button"
            onClick={() => setChosen(task)}
            className="flex min-h-14 w-full flex-wrap items-center justify-between gap-x-3 rounded-xl border border-slate-200 bg-white px-4 py-2 text-left"
          >
            <span className="font-semibold">
              {task.quantity} × <span className="font-mono">{task.sku}</span>
            </span>
            <span className="text-sm text-slate-600">
              {task.from} → {task.to}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function RefillWork({ task, onDone }: { task: ReplenishmentView; onDone: () => void }) {
  const [step, currentStep, setStep] = useCurrentState<Step>("from");
  const [quantity, setQuantity] = useState(task.quantity);
  const { verdict, judge, shown, isPosting, post } = useScanFeedback();

  async function onScan(text: string) {
    const r = await resolveOnDevice(text, task.site);
    const at = currentStep.current;
    if (at === "from") {
      if (r.kind === "location" && r.location!.code === task.from) {
        setStep("item");
        return judge({ tone: "ok", text: `At ${task.from}` });
      }
      return judge({ tone: "wrong", text: `Wrong place: go to ${task.from} and scan its label` });
    }
    if (at === "item") {
      if (!r.item || r.item.sku !== task.sku)
        return judge({ tone: "wrong", text: `Wrong item${r.item ? ` (${r.item.sku})` : ""}: take ${task.sku}` });
      const lot = r.fields?.lot ?? r.lot?.number ?? null;
      if (task.lot && lot && lot !== task.lot) return judge({ tone: "wrong", text: `Wrong lot ${lot}: take lot ${task.lot}` });
      setStep("to");
      return judge({ tone: "ok", text: `${task.sku} ✓ — now take them to ${task.to}` });
    }
    if (r.kind === "location" && r.location!.code === task.to) {
      setStep("confirm");
      return judge({ tone: "ok", text: `At ${task.to}: confirm the refill` });
    }
    return judge({ tone: "wrong", text: `Wrong place: the units go to ${task.to}` });
  }

  async function confirm() {
    const label = `Refill ${quantity} × ${task.sku} from ${task.from} to ${task.to}`;
    const outcome = await post(`/api/v1/replenishments/${task.id}/confirm`, { quantity }, label);
    if (outcome.status !== "refused") onDone();
  }

  const prompt = {
    from: `Go to ${task.from} and scan its label`,
    item: `Scan ${task.sku}`,
    to: `Take them to ${task.to} and scan its label`,
    confirm: "Confirm the refill",
  }[step];
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Refill {task.to}</h2>
        <Button variant="ghost" onClick={onDone}>
          All refills
        </Button>
      </div>
      <ScanInput prompt={prompt} onScan={onScan} disabled={step === "confirm"} />
      <ScanVerdict verdict={verdict} />
      <section aria-label="Refill" className="space-y-3 rounded-xl border-2 border-brand-700 bg-white p-4" data-testid="refill-task">
        <p className="text-2xl font-bold">
          {task.from} → {task.to}
        </p>
        <p>
          <span className="font-mono font-semibold">{task.sku}</span> · {task.itemName}
          {task.lot ? ` · lot ${task.lot}` : ""}
        </p>
        <ol className="flex gap-2 text-sm" aria-label="Steps">
          {(["from", "item", "to"] as const).map((s, index) => (
            <li key={s} className={stepIndex(step) > index ? "font-semibold text-green-800" : "text-slate-500"}>
              {stepIndex(step) > index ? "✓ " : ""}
              {{ from: "Reserve bin", item: "Item", to: "Pick face" }[s]}
            </li>
          ))}
        </ol>
        <TextField
          label="Quantity moved"
          name="refill-quantity"
          type="number"
          min={1}
          max={task.quantity}
          inputMode="numeric"
          value={quantity}
          onChange={(e) => setQuantity(Number(e.target.value))}
        />
        <Button onClick={confirm} disabled={step !== "confirm" || isPosting || quantity < 1 || quantity > task.quantity}>
          Confirm refill
        </Button>
      </section>
      <WriteOutcomeNotice shown={shown} />
    </div>
  );
}

const stepIndex = (step: Step) => ["from", "item", "to", "confirm"].indexOf(step);
