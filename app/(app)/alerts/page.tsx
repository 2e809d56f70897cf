import Link from "next/link";
import { AcknowledgeForm } from "@/components/alerts/acknowledge-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { describeAlert } from "@/lib/alerts/describe-alert";
import { countActiveAlerts, listAlerts } from "@/lib/alerts/list-alerts";
import { ALERT_KIND_LABELS, ALERT_KINDS, alertQuery, type AlertKindName, type AlertView } from "@/lib/alerts/schemas";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata = { title: "Alerts" };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

const TONE: Record<AlertKindName, BadgeTone> = {
  low_stock: "amber",
  stockout: "red",
  overstock: "blue",
  expiring: "amber",
  expired: "red",
  count_overdue: "slate",
  quarantine_aged: "amber",
  bin_over_capacity: "blue",
};

type Search = { state?: string; kind?: string; site?: string; cursor?: string };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("stock.view");
  const search = await searchParams;
  // A filter the page does not know is ignored rather than an error page: the URL came from a person.
  const parsed = alertQuery.safeParse({
    state: search.state || undefined,
    kind: search.kind || undefined,
    site: search.site || undefined,
    cursor: search.cursor || undefined,
  });
  const query = parsed.success ? parsed.data : {};
  const [page, counts] = await Promise.all([listAlerts(getDb(), actor, query), countActiveAlerts(getDb(), actor)]);
  const mayAcknowledge = can(actor, "alerts.acknowledge");
  const showingResolved = query.state === "resolved";
  const hrefWith = (changes: Partial<Search>) => {
    const params = new URLSearchParams(Object.entries({ ...search, cursor: undefined, ...changes }).filter(([, v]) => v) as [string, string][]);
    return `/alerts${params.size ? `?${params}` : ""}`;
  };
  return (
    <>
      <PageHeader title="Alerts">
        <span className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <span data-testid="alert-counts">
            {counts.total} active · {counts.open} new
          </span>
          <Link href="/alerts/notifications" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            E-mail me…
          </Link>
        </span>
      </PageHeader>
      <nav aria-label="Alert kinds" className="mb-3 flex gap-2 overflow-x-auto pb-1">
        <KindChip href={hrefWith({ kind: undefined })} active={!query.kind} label="All" count={counts.total} />
        {ALERT_KINDS.filter((kind) => counts.byKind[kind] || query.kind === kind).map((kind) => (
          <KindChip
            key={kind}
            href={hrefWith({ kind })}
            active={query.kind === kind}
            label={ALERT_KIND_LABELS[kind]}
            count={counts.byKind[kind] ?? 0}
          />
        ))}
      </nav>
      <p className="mb-3 text-sm">
        <Link
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
          href={hrefWith({ state: showingResolved ? undefined : "resolved" })}
        >
          {showingResolved ? "Show active alerts" : "Show resolved alerts"}
        </Link>
      </p>
      <Card>
        {page.data.length === 0 ? (
          <EmptyState title={showingResolved ? "No resolved alerts" : "Nothing needs attention"}>
            {showingResolved
              ? "Alerts appear here once their condition clears."
              : "Alerts open by themselves when stock falls to a reorder point, runs out, passes a maximum, a lot nears expiry or a bin overflows. Set thresholds on an item's page to be told."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="alert-list">
            {page.data.map((alert) => (
              <AlertRow key={alert.id} alert={alert} mayAcknowledge={mayAcknowledge} />
            ))}
          </ul>
        )}
      </Card>
      {page.next ? (
        <p className="mt-3">
          <Link
            className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium"
            href={`${hrefWith({})}${hrefWith({}).includes("?") ? "&" : "?"}cursor=${page.next}`}
          >
            Older alerts
          </Link>
        </p>
      ) : null}
    </>
  );
}

function KindChip({ href, active, label, count }: { href: string; active: boolean; label: string; count: number }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className="inline-flex min-h-11 shrink-0 items-center gap-2 rounded-full border border-slate-300 bg-white px-4 text-sm font-medium aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
    >
      {label}
      <span className="tabular-nums text-slate-600">{count}</span>
    </Link>
  );
}

function AlertRow({ alert, mayAcknowledge }: { alert: AlertView; mayAcknowledge: boolean }) {
  return (
    <li className="py-3" data-testid="alert" data-kind={alert.kind} data-state={alert.state}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={TONE[alert.kind]}>{ALERT_KIND_LABELS[alert.kind]}</Badge>
        {alert.state === "acknowledged" ? <Badge tone="slate">Acknowledged</Badge> : null}
        {alert.state === "resolved" ? <Badge tone="green">Resolved</Badge> : null}
        {alert.sku ? (
          <Link
            href={`/items/${encodeURIComponent(alert.sku)}`}
            className="inline-flex min-h-11 items-center font-mono font-semibold text-brand-700 underline"
          >
            {alert.sku}
          </Link>
        ) : null}
        <span className="text-sm text-slate-600">
          {alert.itemName ? `${alert.itemName} · ` : ""}
          {alert.site}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-800" data-testid="alert-description">
        {describeAlert(alert)}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        Raised <time dateTime={alert.raisedAt}>{time.format(new Date(alert.raisedAt))}</time>
        {alert.acknowledgedBy ? ` · acknowledged by ${alert.acknowledgedBy}${alert.acknowledgeNote ? `: “${alert.acknowledgeNote}”` : ""}` : ""}
        {alert.resolvedAt ? ` · resolved ${time.format(new Date(alert.resolvedAt))}` : ""}
      </p>
      {mayAcknowledge && alert.state === "open" ? <AcknowledgeForm id={alert.id} /> : null}
    </li>
  );
}
