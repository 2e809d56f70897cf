import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { ValidationFailed } from "../domain-error";
import { isMailConfigured, sendMail } from "../mail/send-mail";
import { checkOutboundUrl } from "../outbound-urls/check-outbound-url";
import { allowsPrivateUrls } from "../settings/installation-settings";
import { sendWebhook } from "../webhooks/send-webhook";
import { PurchaseOrderNotDelivered } from "./errors";
import { purchaseOrderPdf } from "./print-purchase-order";
import { asSentToSupplier } from "./purchase-order-view";
import { requireStatus, runPurchaseOrderStep, type LockedPurchaseOrder } from "./run-purchase-order-step";
import { sendPurchaseOrderInput, type PurchaseOrderView, type SendPurchaseOrderInput, type SendVia } from "./schemas";
import { openSigningSecret } from "../webhooks/stored-secret";

const WEBHOOK_TIMEOUT_MS = 10_000;

type SupplierContact = { name: string; email: string | null; orderWebhookUrl: string | null; orderWebhookSecret: string | null };

/** How the order reaches the supplier: what the history records, and the delivery itself (none for manual). */
type Delivery = { detail: { via: SendVia; to?: string }; deliver?: (tx: DbTx, view: PurchaseOrderView) => Promise<void> };

/**
 * Sends an approved order to the supplier (purchasing.manage at its site) and marks it sent: by e-mail with its
 * PDF, as signed JSON to the supplier's order webhook, or manually (only marked: the buyer sends the PDF, CSV or
 * JSON himself). The delivery runs inside the step's transaction, after the status is set: a mail server or a
 * webhook that refuses or does not answer undoes everything (502), so the order stays approved. From then on the
 * supplier's key sees it, and `purchaseOrder.sent` reaches webhooks. 409 unless approved.
 */
export async function sendPurchaseOrder(
  db: Db,
  actor: Actor,
  id: string,
  input: SendPurchaseOrderInput = {},
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<PurchaseOrderView> {
  const data = sendPurchaseOrderInput.parse(input);
  return runPurchaseOrderStep(db, actor, id, options, async (tx, order) => {
    authorize(actor, "purchasing.manage", { siteId: order.siteId });
    requireStatus(order, ["approved"], "sent");
    const supplier = await tx.supplier.findUniqueOrThrow({
      where: { id: order.supplierId },
      select: { name: true, email: true, orderWebhookUrl: true, orderWebhookSecret: true },
    });
    const delivery = await deliveryFor(tx, order, supplier, data);
    const deliver = delivery.deliver;
    return { status: "sent", step: "sent", note: data.note, detail: delivery.detail, deliver: deliver && ((view) => deliver(tx, view)) };
  });
}

/** The ways the send form offers for this supplier, and which it picks first (as the API does when `via` is left out). */
export async function sendChoicesFor(db: Db, supplierCode: string) {
  const supplier = await db.supplier.findUniqueOrThrow({ where: { code: supplierCode }, select: { email: true, orderWebhookUrl: true } });
  const mailConfigured = isMailConfigured();
  return {
    email: supplier.email,
    mailConfigured,
    webhook: supplier.orderWebhookUrl !== null,
    preferred: defaultVia(supplier.email, mailConfigured),
  };
}

function defaultVia(email: string | null | undefined, mailConfigured: boolean): SendVia {
  return email && mailConfigured ? "email" : "manual";
}

/** Checks the chosen way can work now (else 422 naming `via` or `to`) and says how it delivers. */
async function deliveryFor(tx: DbTx, order: LockedPurchaseOrder, supplier: SupplierContact, data: { via?: SendVia; to?: string }): Promise<Delivery> {
  // An address given means e-mail; otherwise e-mail only when it can work, else manual as before `via` existed.
  const via = data.via ?? (data.to ? "email" : defaultVia(supplier.email, isMailConfigured()));
  if (data.to && via !== "email") throw new ValidationFailed([{ field: "to", message: "An address is only used when sending by e-mail" }]);
  if (via === "email") {
    if (!isMailConfigured())
      throw new ValidationFailed([{ field: "via", message: "Mail is not set up (SMTP_URL): mark the order as sent and send its PDF yourself" }]);
    const to = data.to ?? supplier.email;
    if (!to) throw new ValidationFailed([{ field: "to", message: `${supplier.name} has no e-mail address: give one` }]);
    return { detail: { via, to }, deliver: (db, view) => mailOrder(db, view, supplier.name, to) };
  }
  if (via === "webhook") {
    const { orderWebhookUrl: url, orderWebhookSecret: secret } = supplier;
    if (!url || !secret)
      throw new ValidationFailed([{ field: "via", message: `${supplier.name} has no order webhook URL: set one on the supplier first` }]);
    const allowPrivate = await allowsPrivateUrls(tx);
    await checkOutboundUrl(url, { allowPrivate, field: "via" });
    return {
      detail: { via, to: new URL(url).host },
      deliver: (_db, view) => postOrder(view, { url, secret: openSigningSecret(secret) }, allowPrivate, order.number),
    };
  }
  return { detail: { via } };
}

async function mailOrder(db: DbTx, view: PurchaseOrderView, supplierName: string, to: string): Promise<void> {
  const pdf = await purchaseOrderPdf(db, view);
  const site = await db.site.findUnique({ where: { code: view.site }, select: { name: true } });
  const buyer = site?.name ?? view.site;
  const lines = view.lines.length === 1 ? "1 line" : `${view.lines.length} lines`;
  const text = [
    `Hello ${supplierName},`,
    "",
    `Please find attached our purchase order ${view.number}: ${lines}, total ${view.total} ${view.currency}, to be delivered to ${buyer}${view.expectedAt ? ` by ${view.expectedAt}` : ""}.`,
    "Please confirm the quantities and delivery dates.",
    "",
    buyer,
  ].join("\n");
  try {
    await sendMail({
      to,
      subject: `Purchase order ${view.number} from ${buyer}`,
      text,
      attachments: [{ filename: pdf.fileName, content: pdf.body, contentType: pdf.contentType }],
    });
  } catch (error) {
    throw new PurchaseOrderNotDelivered({ number: view.number, via: "email", reason: mailFailure(error) });
  }
}

async function postOrder(view: PurchaseOrderView, endpoint: { url: string; secret: string }, allowPrivate: boolean, number: string) {
  const outcome = await sendWebhook(endpoint, asSentToSupplier(view), { allowPrivate, timeoutMs: WEBHOOK_TIMEOUT_MS });
  if (!outcome.delivered) throw new PurchaseOrderNotDelivered({ number, via: "webhook", reason: outcome.error ?? "not delivered" });
}

/** The mail server's answer ("550 mailbox unavailable") or why it could not be reached. */
function mailFailure(error: unknown): string {
  const { response, code, message } = error as { response?: string; code?: string; message?: string };
  return (response ?? (code ? `${code}: ${message}` : message) ?? String(error)).slice(0, 300);
}
