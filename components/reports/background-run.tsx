"use client";

import { useEffect, useState } from "react";
import { callApi, problemText } from "@/lib/http/api-client";
import { Button } from "../ui/button";

type RunView = {
  id: string;
  format: string;
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  rows: number;
  downloadUrl?: string;
  error?: string;
};

const FORMATS = ["csv", "xlsx", "pdf"] as const;
const POLL_MS = 1_000;
const isActive = (run: RunView | null) => run?.status === "queued" || run?.status === "running";

/**
 * "Run in background" for a long report: queues a run with the page's filters (POST /api/v1/reports/{name}/runs),
 * shows its progress, polled, and then the link to its file. The file waits 7 days, so leaving the page is fine.
 */
export function BackgroundRun({ name, filters }: { name: string; filters: Record<string, string> }) {
  const [format, setFormat] = useState<(typeof FORMATS)[number]>("csv");
  const [run, setRun] = useState<RunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const runId = run?.id;
  const active = isActive(run);

  useEffect(() => {
    if (!runId || !active) return;
    let stopped = false;
    const poll = async () => {
      const answer = await callApi<RunView>(`/api/v1/report-runs/${runId}`).catch(() => null);
      if (stopped) return;
      if (answer?.ok) setRun(answer.data);
      if (!answer?.ok || isActive(answer.data)) timer = setTimeout(poll, POLL_MS);
    };
    let timer = setTimeout(poll, POLL_MS / 2);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId, active]);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      const answer = await callApi<RunView>(`/api/v1/reports/${name}/runs`, { method: "POST", body: JSON.stringify({ ...filters, format }) });
      if (answer.ok) setRun(answer.data);
      else setError(problemText(answer.problem));
    } catch {
      setError("No connection: try again when the network is back.");
    } finally {
      setStarting(false);
    }
  }

  const percent = Math.round((run?.progress ?? 0) * 100);
  return (
    <section aria-label="Run in background" className="rounded-lg border border-slate-200 bg-white p-3" data-testid="report-background">
      <div className="flex flex-wrap items-end gap-2">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">File</span>
          <select
            value={format}
            onChange={(event) => setFormat(event.target.value as (typeof FORMATS)[number])}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-3"
            data-testid="report-background-format"
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" onClick={start} disabled={starting || active} data-testid="report-run-background">
          {starting ? "Starting…" : "Run in background"}
        </Button>
        <p className="text-sm text-slate-600">Every row into a file, while you do something else; it is kept 7 days.</p>
      </div>
      {error ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      {run ? (
        <div className="mt-3" data-testid="report-run" data-status={run.status}>
          <div
            role="progressbar"
            aria-label="Background run progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-700 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="mt-2 text-sm text-slate-700" aria-live="polite">
            {run.status === "done" ? (
              <a
                href={run.downloadUrl}
                download
                className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
                data-testid="report-run-download"
              >
                Download {run.format.toUpperCase()} ({run.rows.toLocaleString("en")} rows)
              </a>
            ) : run.status === "failed" ? (
              <span className="text-red-700">The run failed: {run.error}</span>
            ) : (
              `${run.status === "queued" ? "Waiting to start" : "Running"} · ${run.rows.toLocaleString("en")} rows · ${percent}%`
            )}
          </p>
        </div>
      ) : null}
    </section>
  );
}
