"use client";

import { useState, type FormEvent } from "react";
import { callApi, problemText } from "@/lib/http/api-client";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";

export type ScheduleSummary = { id: string; format: string; cadence: string; to: string[]; lastSentAt: string | null; lastError: string | null };

const CADENCE_TEXT: Record<string, string> = {
  daily: "every day, yesterday's",
  weekly: "every Monday, last week's",
  monthly: "on the 1st, last month's",
};

/**
 * "E-mail this report" for managers and admins: a schedule with the page's filters (the period left out: each mail
 * covers the one just ended), through POST /api/v1/report-schedules, and the schedules they have for this report,
 * each with Stop. Without mail set up it says so instead of offering a form that would be refused.
 */
export function ReportSchedules({
  name,
  filters,
  mailConfigured,
  initial,
}: {
  name: string;
  filters: Record<string, string>;
  mailConfigured: boolean;
  initial: ScheduleSummary[];
}) {
  const [schedules, setSchedules] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const to = String(form.get("to") ?? "")
      .split(/[,;\s]+/)
      .filter(Boolean);
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const answer = await callApi<ScheduleSummary>("/api/v1/report-schedules", {
        method: "POST",
        body: JSON.stringify({ name, filters, format: form.get("format"), cadence: form.get("cadence"), to }),
      });
      if (answer.ok) {
        setSchedules((list) => [...list, answer.data]);
        setMessage("Scheduled: the first mail goes in the next period.");
        formElement.reset();
      } else {
        const fieldErrors = Object.fromEntries((answer.problem.errors ?? []).map((e) => [e.field.split(".")[0], e.message]));
        setErrors(fieldErrors);
        if (Object.keys(fieldErrors).length === 0) setMessage(problemText(answer.problem));
      }
    } catch {
      setMessage("No connection: try again when the network is back.");
    } finally {
      setBusy(false);
    }
  }

  async function stop(id: string) {
    const answer = await callApi<unknown>(`/api/v1/report-schedules/${id}`, { method: "DELETE" }).catch(() => null);
    if (answer?.ok) setSchedules((list) => list.filter((s) => s.id !== id));
    else setMessage(answer ? problemText(answer.problem) : "No connection: try again when the network is back.");
  }

  return (
    <div className="grid gap-3" data-testid="report-schedules">
      {!mailConfigured ? (
        <p className="text-sm text-slate-600">Mail is not set up on this server (SMTP_URL), so reports cannot be e-mailed. Ask an administrator.</p>
      ) : (
        <form onSubmit={create} className="grid gap-3 sm:grid-cols-4" noValidate>
          <TextField label="To" name="to" type="text" inputMode="email" placeholder="ana@example.com, bo@example.com" error={errors.to} />
          <SelectField label="How often" name="cadence" defaultValue="weekly" error={errors.cadence}>
            <option value="daily">Daily (yesterday)</option>
            <option value="weekly">Weekly (last week)</option>
            <option value="monthly">Monthly (last month)</option>
          </SelectField>
          <SelectField label="As" name="format" defaultValue="pdf" error={errors.format}>
            <option value="pdf">PDF</option>
            <option value="xlsx">XLSX</option>
            <option value="csv">CSV</option>
          </SelectField>
          <div className="flex items-end">
            <Button disabled={busy}>{busy ? "Saving…" : "E-mail regularly"}</Button>
          </div>
          {errors.filters ? <p className="text-sm text-red-700 sm:col-span-4">{errors.filters}</p> : null}
        </form>
      )}
      {message ? (
        <p className="text-sm text-slate-700" aria-live="polite">
          {message}
        </p>
      ) : null}
      {schedules.length === 0 ? (
        <p className="text-sm text-slate-600">You do not have this report e-mailed yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {schedules.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span>
                {s.format.toUpperCase()} {CADENCE_TEXT[s.cadence] ?? s.cadence} to {s.to.join(", ")}
                {s.lastSentAt ? ` · last sent ${s.lastSentAt.slice(0, 10)}` : " · not sent yet"}
                {s.lastError ? <span className="block text-red-700">{s.lastError}</span> : null}
              </span>
              <Button variant="secondary" onClick={() => stop(s.id)}>
                Stop
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
