import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { Webhook } from "standardwebhooks";
import { buildUser } from "../../tests/factories/access";
import { buildPurchasing } from "../../tests/factories/purchasing";
import { startSmtpInbox, type ReceivedMail } from "../../tests/factories/smtp-inbox";
import { startWebhookReceiver } from "../../tests/factories/webhook-receiver";
import { getDb } from "../db/client";
import { updateInstallationSettings } from "../settings/installation-settings";
import { updateSupplier } from "../suppliers/manage-suppliers";
import { approvePurchaseOrder } from "./approve-purchase-order";
import { createPurchaseOrder } from "./create-purchase-order";
import { getPurchaseOrder } from "./get-purchase-order";
import { sendPurchaseOrder } from "./send-purchase-order";

const db = getDb();
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let manager: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  inbox = await startSmtpInbox({ refuse: (address) => address.startsWith("refused") });
  manager = await buildUser(db, "manager");
  const admin = await buildUser(db, "admin");
  await updateInstallationSettings(db, admin.actor, { allowPrivateUrls: true }); // the receivers are on loopback
});
beforeEach(() => {
  process.env.SMTP_URL = inbox.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await inbox.close();
});

/** An approved order of 3 plain units (7.5000 EUR) to a fresh supplier, with the supplier's e-mail if given. */
async function approvedOrder(supplierEmail?: string) {
  const w = await buildPurchasing(db);
  if (supplierEmail) await db.supplier.update({ where: { id: w.supplier.id }, data: { email: supplierEmail } });
  const draft = await createPurchaseOrder(db, manager.actor, {
    supplier: w.supplier.code,
    site: w.site.code,
    lines: [{ sku: w.items.plain.sku, quantity: 3 }],
  });
  await approvePurchaseOrder(db, manager.actor, draft.id);
  return { ...w, order: draft };
}

/** The attachment of this media type, decoded from the message's base64 part. */
function attachment(mail: ReceivedMail, contentType: string): Buffer | null {
  const part = new RegExp(`Content-Type: ${contentType}[^]*?\\r\\n\\r\\n([A-Za-z0-9+/=\\r\\n]+)`).exec(mail.raw);
  return part ? Buffer.from(part[1].replace(/\s/g, ""), "base64") : null;
}

/** Nothing of a send step was kept: still approved, no history entry, no event, no audit entry. */
async function expectStillApproved(id: string) {
  const order = await getPurchaseOrder(db, manager.actor, id);
  expect(order).toMatchObject({ status: "approved", sentAt: null });
  expect(order.history.map((h) => h.step)).toEqual(["created", "approved"]);
  expect(await db.outboxEvent.count({ where: { type: "purchaseOrder.sent", aggregateId: id } })).toBe(0);
  expect(await db.auditEntry.count({ where: { action: "purchaseOrder.sent", entityId: id } })).toBe(0);
}

describe("sending a purchase order by e-mail", () => {
  it("mails the order's PDF to the supplier's address by default, and records how in the history", async () => {
    const address = `orders-${Date.now()}@supplier.example`;
    const { order, supplier } = await approvedOrder(address);
    const sent = await sendPurchaseOrder(db, manager.actor, order.id, { note: "urgent" });
    expect(sent).toMatchObject({ status: "sent", sentAt: expect.any(String) });
    expect(sent.history.at(-1)).toMatchObject({ step: "sent", note: "urgent", detail: { via: "email", to: address } });
    const mails = inbox.received.filter((m) => m.to.includes(address));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(`Subject: Purchase order ${order.number}`);
    expect(mails[0].text).toContain(`Hello ${supplier.name},`);
    expect(mails[0].text).toContain("total 7.5000 EUR");
    const pdf = attachment(mails[0], "application/pdf");
    expect(pdf?.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await PDFDocument.load(new Uint8Array(pdf!))).getTitle()).toBe(`Purchase order ${order.number}`);
    expect(mails[0].raw).toContain(`filename=${order.number}.pdf`);
  });

  it("mails another address when given one", async () => {
    const { order } = await approvedOrder("main@supplier.example");
    const other = `buyer-desk-${Date.now()}@supplier.example`;
    const sent = await sendPurchaseOrder(db, manager.actor, order.id, { via: "email", to: other });
    expect(sent.history.at(-1)?.detail).toEqual({ via: "email", to: other });
    expect(inbox.received.filter((m) => m.to.includes(other))).toHaveLength(1);
  });

  it("leaves the order approved, with no history entry, when the mail server refuses", async () => {
    const address = `refused-${Date.now()}@supplier.example`;
    const { order } = await approvedOrder(address);
    await expect(sendPurchaseOrder(db, manager.actor, order.id, { via: "email" })).rejects.toMatchObject({
      code: "purchase_order_not_delivered",
      message: expect.stringContaining("550"),
    });
    await expectStillApproved(order.id);
    expect(inbox.received.filter((m) => m.to.includes(address))).toHaveLength(0);
  });

  it("refuses e-mail when mail is not set up or there is no address (422), and sends nothing", async () => {
    const { order } = await approvedOrder(); // the supplier has no e-mail
    await expect(sendPurchaseOrder(db, manager.actor, order.id, { via: "email" })).rejects.toMatchObject({
      issues: [{ field: "to", message: expect.stringContaining("no e-mail address") }],
    });
    await expect(sendPurchaseOrder(db, manager.actor, order.id, { via: "manual", to: "x@supplier.example" })).rejects.toMatchObject({
      issues: [{ field: "to" }],
    });
    delete process.env.SMTP_URL;
    for (const input of [{ via: "email", to: "x@supplier.example" } as const, { to: "x@supplier.example" }])
      await expect(sendPurchaseOrder(db, manager.actor, order.id, input)).rejects.toMatchObject({
        issues: [{ field: "via", message: expect.stringContaining("Mail is not set up") }],
      });
    await expectStillApproved(order.id);
  });

  it("only marks it sent when `via` is left out and mail is not set up, as before", async () => {
    delete process.env.SMTP_URL;
    const { order } = await approvedOrder("has-mail@supplier.example");
    const sent = await sendPurchaseOrder(db, manager.actor, order.id, {});
    expect(sent).toMatchObject({ status: "sent", history: expect.arrayContaining([expect.objectContaining({ detail: { via: "manual" } })]) });
    expect(inbox.received.filter((m) => m.to.includes("has-mail@supplier.example"))).toHaveLength(0);
  });
});

describe("sending a purchase order to the supplier's webhook", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(() => receiver.close());

  async function withWebhook() {
    const placed = await approvedOrder("orders@supplier.example");
    const saved = await updateSupplier(db, manager.actor, placed.supplier.code, { orderWebhookUrl: receiver.url });
    expect(saved.orderWebhookSecret).toMatch(/^whsec_/);
    receiver.verifyWith(saved.orderWebhookSecret!);
    return { ...placed, secret: saved.orderWebhookSecret! };
  }

  it("POSTs the order as JSON, signed so the standardwebhooks library verifies it, history without who or notes", async () => {
    const { order, secret } = await withWebhook();
    const sent = await sendPurchaseOrder(db, manager.actor, order.id, { via: "webhook", note: "internal remark" });
    expect(sent.history.at(-1)).toMatchObject({ step: "sent", detail: { via: "webhook", to: new URL(receiver.url).host } });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request.verified).toBe(true);
    expect(new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ id: order.id });
    expect(request.headers["webhook-id"]).toBe(order.id);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ id: order.id, number: order.number, status: "sent", total: "7.5000", lines: [{ quantity: 3 }] });
    expect(body.history.map((h: { step: string; actor: string; note: string | null }) => [h.step, h.actor, h.note])).toEqual([
      ["created", "buyer", null],
      ["approved", "buyer", null],
      ["sent", "buyer", null],
    ]);
    expect(request.body).not.toContain("internal remark");
  });

  it("leaves the order approved when the webhook answers 500", async () => {
    const { order } = await withWebhook();
    receiver.answerWith(500);
    await expect(sendPurchaseOrder(db, manager.actor, order.id, { via: "webhook" })).rejects.toMatchObject({
      code: "purchase_order_not_delivered",
      message: expect.stringContaining("Answered 500"),
    });
    expect(receiver.received).toHaveLength(1);
    await expectStillApproved(order.id);
  });

  it("refuses the webhook (422 on via) when the supplier has none, and calls nothing", async () => {
    const { order } = await approvedOrder();
    await expect(sendPurchaseOrder(db, manager.actor, order.id, { via: "webhook" })).rejects.toMatchObject({
      issues: [{ field: "via", message: expect.stringContaining("no order webhook URL") }],
    });
    await expectStillApproved(order.id);
    expect(receiver.received).toHaveLength(0);
  });
});
