"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { packScanAction } from "@/app/(app)/orders/[id]/pack/actions";
import { newIdempotencyKey } from "@/lib/http/api-client";
import { FORM_TOKEN_FIELD, initialFormState } from "@/lib/http/form-state";
import type { OrderView } from "@/lib/orders/schemas";
import { signalScan } from "../scan/scan-feedback";
import { ScanInput, ScanVerdict } from "../scan/scan-input";
import type { Verdict } from "../scan/scan-rules";
import { Badge } from "../ui/badge";
import { PageHeader } from "../ui/card";
import { ORDER_STATUS_TONE } from "./order-status";
import { PackCloseForm } from "./pack-close-form";
import { PackPackages, PackProgress } from "./pack-progress";

const REFUSAL_LABEL: Record<string, string> = { wrong_item: "Wrong item", too_many: "Too many", unknown_code: "Unknown code" };
const LINK = "inline-flex min-h-11 items-center justify-center rounded-lg px-4 font-medium";

/**
 * Scan to pack, on a phone: every scan (handheld scanner, camera or typed) puts one unit into the open package
 * (a new one opens with the first unit), through a server action with its own idempotency key. A refusal buzzes
 * and says why in red; the lines show packed against picked; the open package closes with its weight and size.
 */
export function PackStation({ order: initial, canPack }: { order: OrderView; canPack: boolean }) {
  const [order, setOrder] = useState(initial);
  // The order as the last answer left it: queued scans run before React renders again, and each compares with it.
  const latest = useRef(initial);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [lastSku, setLastSku] = useState<string | null>(null);
  const open = order.packages.findLast((p) => p.closedAt === null) ?? null;
  const toPack = order.lines.reduce((sum, l) => sum + l.picked - l.packed, 0);

  async function onScan(text: string) {
    const form = new FormData();
    form.set("id", order.id);
    form.set("code", text);
    form.set(FORM_TOKEN_FIELD, newIdempotencyKey());
    let answer;
    try {
      answer = await packScanAction(initialFormState, form);
    } catch {
      signalScan("wrong");
      return setVerdict({ tone: "wrong", text: "No answer from the server: check the connection and scan again" });
    }
    if (!answer.ok) {
      signalScan("wrong");
      const refusal = answer.data?.refusal as string | undefined;
      return setVerdict({ tone: "wrong", text: refusal ? `${REFUSAL_LABEL[refusal]}: ${answer.message}` : (answer.message ?? "Refused") });
    }
    const next = answer.data!.order as OrderView;
    const line = next.lines.find((l) => l.packed > (latest.current.lines.find((o) => o.lineNo === l.lineNo)?.packed ?? 0));
    latest.current = next;
    signalScan("ok");
    setOrder(next);
    setLastSku(line?.sku ?? null);
    setVerdict({ tone: "ok", text: `${line?.sku ?? text} ✓ into package ${answer.data!.package}` });
  }

  function onClosed(next: OrderView, message: string) {
    latest.current = next;
    setOrder(next);
    setLastSku(null);
    setVerdict({ tone: "ok", text: message });
  }

  const isPacking = order.status === "picked";
  return (
    <div className="space-y-4" data-testid="pack-station">
      <PageHeader title={`Pack ${order.number}`}>
        <Badge tone={ORDER_STATUS_TONE[order.status]} className="text-sm">
          {order.status}
        </Badge>
      </PageHeader>
      {isPacking && canPack && (
        <>
          <ScanInput
            prompt={
              !open
                ? "Scan the first unit: a package opens"
                : toPack > 0
                  ? `Scan into package ${open.number}`
                  : `All in: close package ${open.number}`
            }
            onScan={onScan}
          />
          <ScanVerdict verdict={verdict} />
        </>
      )}
      {!(isPacking && canPack) && <NextStep order={order} />}
      <PackProgress lines={order.lines} lastSku={lastSku} />
      {isPacking && canPack && open && open.contents.length > 0 && (
        <PackCloseForm key={open.number} orderId={order.id} pkg={open} toPack={toPack} onClosed={onClosed} />
      )}
      <PackPackages order={order} />
    </div>
  );
}

/** What the clerk does here when the order is not waiting to be packed: ship it, pick it first, or nothing. */
function NextStep({ order }: { order: OrderView }) {
  if (order.status === "packed")
    return (
      <section role="status" className="space-y-3 rounded-xl border-2 border-green-300 bg-green-50 p-4 text-green-900" data-testid="pack-done">
        <p className="text-lg font-semibold">
          Packed: {order.packages.length} {order.packages.length === 1 ? "package" : "packages"}. Next, ship it.
        </p>
        <div className="flex flex-wrap gap-2">
          <Link href={`/orders/${order.id}#ship`} className={`${LINK} bg-brand-700 text-white hover:bg-brand-900`}>
            Ship on the order page
          </Link>
          <a href={`/api/v1/orders/${order.id}/packing-slip.pdf`} className={`${LINK} border border-slate-300 bg-white text-slate-900`}>
            Packing slip (PDF)
          </a>
        </div>
      </section>
    );
  const reason: Record<string, string> = {
    picked: "Its units wait in staging. Packing here is for the clerks of its site.",
    shipped: "This order has shipped.",
    cancelled: "This order is cancelled.",
  };
  return (
    <p role="status" className="rounded-lg border border-slate-300 bg-slate-50 p-3 text-slate-800">
      {reason[order.status] ?? `This order is ${order.status}: it is packed once every unit is picked to staging.`}
    </p>
  );
}
