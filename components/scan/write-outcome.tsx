"use client";

import type { LevelView } from "@/lib/ledger/schemas";
import { problemText, type Problem } from "@/lib/http/api-client";
import type { WriteOutcome } from "./scan-api";

export type ShownOutcome = { label: string; outcome: WriteOutcome<unknown> };

/** After confirming: posted (with the resulting quantities), saved on the device for later, or refused and why. */
export function WriteOutcomeNotice({ shown }: { shown: ShownOutcome | null }) {
  if (!shown) return null;
  const { outcome, label } = shown;
  if (outcome.status === "queued") {
    return (
      <p
        role="status"
        data-testid="write-outcome"
        data-status="queued"
        className="rounded-lg border-2 border-amber-300 bg-amber-50 p-3 text-amber-900"
      >
        Saved on this device: <b>{label}</b>. It posts when the connection is back.
      </p>
    );
  }
  if (outcome.status === "refused") return <RefusalNotice label={label} problem={outcome.problem} />;
  // A movement answers its levels; a pick or a count answers them inside `movement` or `posting`.
  const data = outcome.data as { levels?: LevelView[]; movement?: { levels?: LevelView[] }; posting?: { levels?: LevelView[] } | null };
  const levels = data?.levels ?? data?.movement?.levels ?? data?.posting?.levels ?? [];
  return (
    <div
      role="status"
      data-testid="write-outcome"
      data-status="posted"
      className="rounded-lg border-2 border-green-300 bg-green-50 p-3 text-green-900"
    >
      <p>
        Done: <b>{label}</b>
      </p>
      {levels.map((level) => (
        <p key={`${level.location}|${level.lot}`} className="text-sm">
          Now {level.onHand} at {level.location}
          {level.lot ? ` (lot ${level.lot})` : ""}
        </p>
      ))}
    </div>
  );
}

export function RefusalNotice({ label, problem }: { label: string; problem: Problem }) {
  return (
    <div role="alert" data-testid="write-outcome" data-status="refused" className="rounded-lg border-2 border-red-400 bg-red-50 p-3 text-red-800">
      <p>
        Not done: <b>{label}</b>
      </p>
      <p className="text-sm">{problemText(problem)}</p>
      {problem.errors?.map((e) => (
        <p key={e.field} className="text-sm">
          {e.field}: {e.message}
        </p>
      ))}
    </div>
  );
}
