"use client";

import { useEffect, useMemo } from "react";
import type { CountScanInput, CountSubmission, CountSummary, CountView } from "@/lib/counting/schemas";
import { callApi, problemText } from "@/lib/http/api-client";
import { Button } from "../ui/button";
import { loadDocument, saveDocument } from "./offline-store";
import { resolveOnDevice } from "./scan-api";
import { ScanInput, ScanVerdict } from "./scan-input";
import { useCurrentState } from "./use-current-state";
import { useScanFeedback } from "./use-scan-feedback";
import { WriteOutcomeNotice } from "./write-outcome";

/** A count in progress on this device: the server's view when it started, plus what was scanned since. */
type CountWork = { count: CountView; bin: string | null; scans: CountScanInput[] };
type Line = { location: string; sku: string; name: string; lot: string | null; expected: number; counted: number };

const keyOf = (l: { location: string; sku: string; lot?: string | null }) => `${l.location}|${l.sku}|${l.lot ?? ""}`;

/** Start a count by scanning a bin or zone label; scan every unit (or type quantities); submit. */
export function CountFlow({ site }: { site: string }) {
  const [work, currentWork, setWork] = useCurrentState<CountWork | null>(null);
  const { verdict, judge, clearShown, shown, isPosting, post } = useScanFeedback();

  useEffect(() => {
    void loadDocument<CountWork>(`count-work:${site}`).then((saved) => saved && setWork(saved));
  }, [site, setWork]);

  async function keep(next: CountWork | null) {
    setWork(next);
    await saveDocument(`count-work:${site}`, next);
  }

  async function start(location: string) {
    let answer = await callApi<CountView>("/api/v1/counts", { method: "POST", body: JSON.stringify({ location }) });
    if (!answer.ok && answer.status === 409) {
      // Someone (maybe this clerk, earlier) already has this location open: join that count.
      const open = await callApi<{ data: CountSummary[] }>(`/api/v1/counts?site=${encodeURIComponent(site)}&status=open`);
      const existing = open.ok ? open.data.data.find((c) => c.location === location) : undefined;
      if (existing) answer = await callApi<CountView>(`/api/v1/counts/${existing.id}`);
    }
    if (!answer.ok) return judge({ tone: "wrong", text: problemText(answer.problem) });
    clearShown();
    await keep({ count: answer.data, bin: answer.data.bins.length === 1 ? answer.data.bins[0] : null, scans: [] });
    judge({ tone: "ok", text: `Counting ${location}` });
  }

  async function onScan(text: string) {
    const r = await resolveOnDevice(text, site);
    const work = currentWork.current;
    if (!work) {
      if (r.kind !== "location" || r.location!.site !== site) return judge({ tone: "wrong", text: "Scan the label of the bin or zone to count" });
      try {
        return await start(r.location!.code);
      } catch {
        return judge({ tone: "wrong", text: "Starting a count needs the network: try again where there is Wi-Fi" });
      }
    }
    if (r.kind === "location") {
      if (!work.count.bins.includes(r.location!.code)) return judge({ tone: "wrong", text: `${r.location!.code} is not part of this count` });
      await keep({ ...work, bin: r.location!.code });
      return judge({ tone: "ok", text: `Now counting ${r.location!.code}` });
    }
    if (!work.bin) return judge({ tone: "wrong", text: "Scan the bin label first" });
    if (!r.item) return judge({ tone: "wrong", text: r.message ?? `Not an item: ${r.raw}` });
    const lot = r.fields?.lot ?? r.lot?.number;
    const serial = r.fields?.serial ?? r.serial?.serial;
    if (r.item.tracking === "lot" && !lot) return judge({ tone: "wrong", text: `${r.item.sku} is lot-tracked: scan the label with its lot` });
    if (r.item.tracking === "serial" && !serial) return judge({ tone: "wrong", text: `${r.item.sku} is serial-tracked: scan the serial label` });
    if (serial && work.scans.some((s) => s.serial === serial && s.sku === r.item!.sku))
      return judge({ tone: "wrong", text: `Serial ${serial} is already counted` });
    const isExpected = work.count.lines.some((l) => l.location === work.bin && l.sku === r.item!.sku && (!lot || l.lot === lot));
    const scan: CountScanInput = {
      location: work.bin,
      sku: r.item.sku,
      quantity: r.fields?.quantity ?? 1,
      source: "scan",
      ...(lot ? { lot } : {}),
      ...(serial ? { serial } : {}),
    };
    await keep({ ...work, scans: [...work.scans, scan] });
    judge(
      isExpected
        ? { tone: "ok", text: `${r.item.sku}${lot ? ` lot ${lot}` : ""} +${scan.quantity}` }
        : { tone: "wrong", text: `${r.item.sku}${lot ? ` lot ${lot}` : ""} is not expected in ${work.bin}: counted anyway, check it` },
    );
  }

  async function setCounted(line: Line, counted: number) {
    const work = currentWork.current;
    if (!work || counted < 0 || Number.isNaN(counted)) return;
    // A typed quantity replaces that line's scans.
    const others = work.scans.filter((s) => keyOf(s) !== keyOf(line));
    const typed: CountScanInput[] =
      counted > 0 ? [{ location: line.location, sku: line.sku, quantity: counted, source: "manual", ...(line.lot ? { lot: line.lot } : {}) }] : [];
    await keep({ ...work, scans: [...others, ...typed] });
  }

  async function submit() {
    if (!work) return;
    const label = `Count of ${work.count.location} (${work.scans.length} scans)`;
    const outcome = await post<CountSubmission>(`/api/v1/counts/${work.count.id}/submit`, { scans: work.scans }, label);
    if (outcome.status !== "refused") await keep(null);
  }

  const lines = useMemo(() => (work ? mergeLines(work) : []), [work]);
  const missing = lines.filter((l) => l.expected > 0 && l.counted === 0);
  const prompt = !work ? "Scan the bin or zone to count" : !work.bin ? "Scan a bin label" : `Scan every unit in ${work.bin}`;
  return (
    <div className="space-y-4">
      <ScanInput prompt={prompt} onScan={onScan} />
      <ScanVerdict verdict={verdict} />
      {work && (
        <section aria-label="Count" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="count-work">
          <p>
            Count of <b>{work.count.location}</b>
            {work.bin && work.count.bins.length > 1 && (
              <>
                {" "}
                · bin <b>{work.bin}</b>
              </>
            )}
          </p>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1">Item</th>
                <th className="text-right">Expected</th>
                <th className="text-right">Counted</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={keyOf(line)} data-testid="count-line" data-sku={line.sku} className={line.counted !== line.expected ? "bg-amber-50" : ""}>
                  <td className="py-1">
                    {line.location} · <span className="font-mono">{line.sku}</span>
                    {line.lot ? ` · ${line.lot}` : ""}
                  </td>
                  <td className="text-right tabular-nums">{line.expected}</td>
                  <td className="text-right">
                    <input
                      aria-label={`Counted ${line.sku} ${line.lot ?? ""} in ${line.location}`}
                      type="number"
                      min={0}
                      inputMode="numeric"
                      value={line.counted}
                      onChange={(e) => setCounted(line, Number(e.target.value))}
                      className="min-h-11 w-20 rounded border border-slate-300 px-2 text-right tabular-nums"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {missing.length > 0 && (
            <div role="alert" data-testid="count-missing" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-3 text-amber-900">
              <p className="font-medium">Expected but not scanned (will be counted as 0):</p>
              <ul className="list-disc pl-5 text-sm">
                {missing.map((l) => (
                  <li key={keyOf(l)}>
                    {l.location} · {l.sku}
                    {l.lot ? ` lot ${l.lot}` : ""} ({l.expected})
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="flex gap-2">
            <Button onClick={submit} disabled={isPosting}>
              Submit count
            </Button>
            <Button variant="secondary" onClick={() => keep(null)}>
              Put aside
            </Button>
          </div>
        </section>
      )}
      <WriteOutcomeNotice shown={shown} />
    </div>
  );
}

/** The server's expected lines with this device's scans summed onto them; scans of unexpected stock add lines. */
function mergeLines(work: CountWork): Line[] {
  const lines = new Map<string, Line>(
    work.count.lines.map((l) => [keyOf(l), { location: l.location, sku: l.sku, name: l.name, lot: l.lot, expected: l.expected, counted: l.counted }]),
  );
  for (const scan of work.scans) {
    const key = keyOf(scan);
    const line = lines.get(key) ?? { location: scan.location, sku: scan.sku, name: scan.sku, lot: scan.lot ?? null, expected: 0, counted: 0 };
    lines.set(key, { ...line, counted: line.counted + (scan.quantity ?? 1) });
  }
  return [...lines.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}
