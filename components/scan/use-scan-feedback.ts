"use client";

import { useState } from "react";
import { submitWrite, type WriteOutcome } from "./scan-api";
import { signalScan } from "./scan-feedback";
import type { Verdict } from "./scan-rules";
import { useScanUser } from "./scan-user";
import type { ShownOutcome } from "./write-outcome";

/**
 * What every scan task tells the clerk: the verdict on the last scan (with its sound), and the outcome of the last
 * write. `post` sends a write through the device queue; while it is on its way the task's confirm button waits, so
 * a double tap cannot post twice.
 */
export function useScanFeedback() {
  const userId = useScanUser();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [shown, setShown] = useState<ShownOutcome | null>(null);
  const [isPosting, setPosting] = useState(false);

  function judge(next: Verdict) {
    signalScan(next.tone);
    setVerdict(next);
  }

  async function post<T>(url: string, body: unknown, label: string): Promise<WriteOutcome<T>> {
    setPosting(true);
    const outcome = await submitWrite<T>(userId, url, body, label);
    setPosting(false);
    setShown({ label, outcome });
    signalScan(outcome.status === "refused" ? "wrong" : "ok");
    if (outcome.status !== "refused") setVerdict(null);
    return outcome;
  }

  return { verdict, judge, clearVerdict: () => setVerdict(null), shown, clearShown: () => setShown(null), isPosting, post };
}
