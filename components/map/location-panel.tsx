"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { LevelView } from "@/lib/ledger/schemas";
import { problemText } from "@/lib/http/api-client";
import { listStockAt } from "./map-api";

type Contents = { code: string; levels?: LevelView[]; error?: string };

/**
 * What is in the chosen location: a side panel on a wide screen, a bottom sheet on a phone (above the tab bar),
 * so the plan stays in sight either way.
 */
export function LocationPanel({ code, reading, onClose }: { code: string; reading?: string; onClose: () => void }) {
  const [contents, setContents] = useState<Contents>({ code });

  useEffect(() => {
    let isCurrent = true;
    listStockAt(code).then((answer) => {
      if (!isCurrent) return;
      setContents(answer.ok ? { code, levels: answer.data.data } : { code, error: problemText(answer.problem) });
    });
    return () => {
      isCurrent = false;
    };
  }, [code]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  // Contents of a previous location stay out of sight while the next one loads.
  const shown = contents.code === code ? contents : { code };
  return (
    <aside
      aria-label={`Location ${code}`}
      data-testid="location-panel"
      className="fixed inset-x-0 bottom-0 z-30 max-h-[60dvh] overflow-auto rounded-t-2xl border-t border-slate-200 bg-white p-4 pb-[calc(1rem+env(safe-area-inset-bottom))] shadow-2xl md:static md:z-auto md:max-h-[70vh] md:rounded-xl md:border md:shadow-sm"
    >
      <div className="mb-3 flex items-start justify-between gap-2">
        <div>
          <h2 className="font-mono text-lg font-semibold">{code}</h2>
          {reading ? <p className="text-sm text-slate-600">{reading}</p> : null}
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close"
          className="flex size-11 items-center justify-center rounded-lg text-xl text-slate-600 hover:bg-slate-100"
        >
          ×
        </button>
      </div>
      {shown.error ? (
        <p role="alert" className="text-sm text-red-700">
          {shown.error}
        </p>
      ) : !shown.levels ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : shown.levels.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing here.</p>
      ) : (
        <table className="w-full text-sm" data-testid="location-contents">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="py-1">Item</th>
              <th>Lot</th>
              <th className="text-right">On hand</th>
              <th className="text-right">Available</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.levels.map((level) => (
              <tr key={`${level.sku}-${level.location}-${level.lot}`}>
                <td className="py-2">
                  <Link href={`/items/${encodeURIComponent(level.sku)}`} className="font-mono text-brand-700">
                    {level.sku}
                  </Link>
                  {level.location !== code ? <span className="block font-mono text-xs text-slate-500">{level.location}</span> : null}
                </td>
                <td>{level.lot ?? "–"}</td>
                <td className="text-right tabular-nums">{level.onHand}</td>
                <td className="text-right tabular-nums">{level.available}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Link href={`/locations/${encodeURIComponent(code)}`} className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-700">
        Open location {code}
      </Link>
    </aside>
  );
}
