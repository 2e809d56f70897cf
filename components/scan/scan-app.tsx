"use client";

import { useEffect, useState } from "react";
import { Button } from "../ui/button";
import { CountFlow } from "./count-flow";
import { LookupFlow } from "./lookup-flow";
import { MoveFlow } from "./move-flow";
import { PickFlow } from "./pick-flow";
import { ReceiveFlow } from "./receive-flow";
import { RefillFlow } from "./refill-flow";
import { loadSnapshot } from "./offline-store";
import { discardWrite, flushQueue, retryWrite, syncSnapshot } from "./scan-api";
import { useIsOnline, useQueuedWrites } from "./use-connection";
import { ScanUserContext } from "./scan-user";
import { RefusalNotice } from "./write-outcome";

const MODES = [
  { id: "lookup", label: "Look up", write: false },
  { id: "receive", label: "Receive", write: true },
  { id: "move", label: "Move", write: true },
  { id: "pick", label: "Pick", write: true },
  { id: "count", label: "Count", write: true },
  { id: "refill", label: "Refill", write: true },
] as const;
type Mode = (typeof MODES)[number]["id"];

/**
 * The scanning screens as one client-side app, so switching between them needs no server round trip and keeps
 * working in a Wi-Fi hole. Writes go through the device's queue (see scan-api.ts).
 */
export function ScanApp({ userId, sites, canWrite }: { userId: string; sites: string[]; canWrite: boolean }) {
  // Rendered in the browser only (see scan-app-loader.tsx), so the remembered site and the #task can seed state.
  const [site, setSite] = useState(() => {
    const remembered = localStorage.getItem("stockroom.scan.site");
    return remembered && sites.includes(remembered) ? remembered : sites[0];
  });
  const [mode, setMode] = useState<Mode>(() => MODES.find((m) => m.id === location.hash.slice(1))?.id ?? "lookup");
  const [syncedAt, setSyncedAt] = useState<string | null>(null);
  // A received pallet's bin, for the move screen to start from ("Put away").
  const [putAwayFrom, setPutAwayFrom] = useState<string | null>(null);
  const isOnline = useIsOnline(userId);
  const { pending, refused, othersWaiting } = useQueuedWrites(userId);

  // Re-sync the site's offline copy when the site changes, when the network returns and after the queue drains.
  useEffect(() => {
    const snapshot = isOnline && pending.length === 0 ? syncSnapshot(site) : loadSnapshot(site);
    void snapshot.then((s) => setSyncedAt(s?.generatedAt ?? null));
  }, [site, isOnline, pending.length]);

  // A write whose answer was lost on the way (the connection dropped mid-request) stays pending: retry it now and
  // then; its idempotency key makes the retry land once.
  useEffect(() => {
    if (!isOnline || pending.length === 0) return;
    const timer = setInterval(() => void flushQueue(userId), 5_000);
    return () => clearInterval(timer);
  }, [isOnline, pending.length, userId]);

  function choose(next: Mode) {
    setPutAwayFrom(null);
    setMode(next);
    history.replaceState(null, "", `#${next}`);
  }

  const modes = MODES.filter((m) => canWrite || !m.write);
  return (
    <ScanUserContext value={userId}>
      <div className="mx-auto max-w-xl space-y-4">
        {!isOnline && (
          <p role="status" data-testid="offline-banner" className="rounded-lg bg-slate-900 p-3 text-sm text-white">
            Offline. Look-ups use this device&apos;s copy{syncedAt ? ` from ${new Date(syncedAt).toLocaleTimeString()}` : ""}; receipts, moves, picks
            and counts are kept here and post when the connection returns.
          </p>
        )}
        {pending.length > 0 && (
          <p role="status" data-testid="queue-status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {pending.length} waiting to post: {pending.map((w) => w.label).join(" · ")}
          </p>
        )}
        {othersWaiting > 0 && (
          <p role="status" data-testid="others-queue-status" className="rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm text-slate-700">
            {othersWaiting} {othersWaiting === 1 ? "write" : "writes"} by someone else {othersWaiting === 1 ? "waits" : "wait"} on this device:{" "}
            {othersWaiting === 1 ? "it posts" : "they post"} when that person signs in here again.
          </p>
        )}
        {refused.map((write) => (
          <div key={write.seq} className="space-y-2" data-testid="refused-write">
            <RefusalNotice label={write.label} problem={write.problem!} />
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => retryWrite(userId, write.seq!)}>
                Try again
              </Button>
              <Button variant="danger" onClick={() => discardWrite(write.seq!)}>
                Drop it
              </Button>
            </div>
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-2">
          {sites.length > 1 && (
            <select
              aria-label="Site"
              value={site}
              onChange={(e) => {
                setSite(e.target.value);
                localStorage.setItem("stockroom.scan.site", e.target.value);
              }}
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-3"
            >
              {sites.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
          {/* Three to a row on a phone, so every task shows without scrolling sideways; one row from the tablet up. */}
          <nav aria-label="Scan tasks" className="grid flex-1 basis-full grid-cols-3 gap-1 rounded-xl bg-slate-100 p-1 sm:flex sm:basis-0">
            {modes.map((m) => (
              <button
                key={m.id}
                type="button"
                onClick={() => choose(m.id)}
                aria-current={mode === m.id ? "page" : undefined}
                className={`min-h-11 flex-1 rounded-lg px-2 text-sm font-medium sm:px-3 ${mode === m.id ? "bg-white shadow" : "text-slate-700"}`}
              >
                {m.label}
              </button>
            ))}
          </nav>
        </div>
        {/* key: a new site or task starts with a clean slate. */}
        {mode === "lookup" && (
          <LookupFlow
            key={site}
            site={site}
            onPutAway={(from, palletSite) => {
              choose("move");
              // The pallet's site may not be the one chosen on the screen: put away where it was received.
              if (sites.includes(palletSite)) setSite(palletSite);
              setPutAwayFrom(from);
            }}
          />
        )}
        {mode === "receive" && <ReceiveFlow key={site} site={site} />}
        {mode === "move" && <MoveFlow key={`${site}-${putAwayFrom ?? ""}`} site={site} from={putAwayFrom} />}
        {mode === "pick" && <PickFlow key={site} site={site} />}
        {mode === "count" && <CountFlow key={site} site={site} />}
        {mode === "refill" && <RefillFlow key={site} site={site} />}
      </div>
    </ScanUserContext>
  );
}
