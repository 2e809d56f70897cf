import type { EventPipelineStatus } from "@/lib/events/pipeline-status";

/** One line per stage of the event pipeline: relay backlog, and NATS when it is set up. */
export function PipelineStatusLine({ status }: { status: EventPipelineStatus }) {
  const { nats } = status;
  const natsText = !nats.configured
    ? "NATS: not set up (set NATS_URL to publish to JetStream)"
    : `NATS: ${nats.connected ? "connected" : "not connected"} · stream ${nats.stream} · ${nats.behind ?? 0} behind${nats.lastError ? ` · last error: ${nats.lastError}` : ""}`;
  const relayText =
    status.unrelayed === 0 ? "Relay: up to date" : `Relay: ${status.unrelayed.toLocaleString("en")} waiting since ${status.oldestUnrelayedAt}`;
  return (
    <ul className="mb-4 flex flex-wrap gap-2 text-sm" data-testid="pipeline-status">
      <li className={`rounded-full px-3 py-1 ${status.unrelayed === 0 ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-900"}`}>
        {relayText}
      </li>
      <li
        className={`rounded-full px-3 py-1 ${nats.configured && nats.connected && !nats.lastError ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"}`}
        data-testid="nats-status"
      >
        {natsText}
      </li>
    </ul>
  );
}
