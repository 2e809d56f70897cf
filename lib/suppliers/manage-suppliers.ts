import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isUniqueViolation } from "../db/errors";
import { Conflict, NotFound } from "../domain-error";
import { checkOutboundUrl } from "../outbound-urls/check-outbound-url";
import { allowsPrivateUrls } from "../settings/installation-settings";
import { newWebhookSecret } from "../webhooks/signing";
import { supplierInput, supplierUpdate, type SavedSupplier, type SupplierInput, type SupplierUpdate, type SupplierView } from "./schemas";
import { sealSigningSecret } from "../webhooks/stored-secret";

const sealed = (secret: string | undefined) => (secret === undefined ? undefined : sealSigningSecret(secret));

export class SupplierCodeTaken extends Conflict {
  readonly code = "supplier_code_taken";
  constructor(supplier: string) {
    super(`A supplier with the code ${supplier} already exists`, { supplier });
  }
}

const withItemCount = { _count: { select: { items: true } } } as const;

type SupplierRow = Prisma.SupplierGetPayload<{ include: typeof withItemCount }>;

function toView(row: SupplierRow): SupplierView {
  return {
    code: row.code,
    name: row.name,
    email: row.email,
    phone: row.phone,
    active: row.active,
    contacts: row.contacts as SupplierView["contacts"],
    currency: row.currency,
    leadTimeDays: row.leadTimeDays,
    minOrderValue: row.minOrderValue?.toFixed(4) ?? null,
    paymentTerms: row.paymentTerms,
    items: row._count.items,
    orderWebhookUrl: row.orderWebhookUrl,
  };
}

async function findView(tx: DbTx, code: string) {
  const row = await tx.supplier.findUnique({ where: { code }, include: withItemCount });
  return row ? toView(row) : null;
}

/** Suppliers, active first; anyone who may see stock may read them. */
export async function listSuppliers(db: Db, actor: Actor): Promise<SupplierView[]> {
  authorize(actor, "stock.view");
  const rows = await db.supplier.findMany({ include: withItemCount, orderBy: [{ active: "desc" }, { name: "asc" }] });
  return rows.map(toView);
}

/** Adds a supplier; with an order webhook URL, the answer carries its new signing secret (this once). */
export async function createSupplier(db: Db, actor: Actor, input: SupplierInput): Promise<SavedSupplier> {
  authorize(actor, "catalog.manage");
  const data = supplierInput.parse(input);
  if (data.orderWebhookUrl) await checkOrderWebhookUrl(db, data.orderWebhookUrl);
  const orderWebhookSecret = data.orderWebhookUrl ? newWebhookSecret() : undefined;
  try {
    return await unitOfWork(db, async (tx) => {
      await tx.supplier.create({ data: { ...data, contacts: data.contacts, orderWebhookSecret: sealed(orderWebhookSecret) } });
      const view = (await findView(tx, data.code))!;
      await recordAudit(tx, actor, { action: "supplier.create", entityType: "supplier", entityId: data.code, after: view });
      return orderWebhookSecret ? { ...view, orderWebhookSecret } : view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SupplierCodeTaken(data.code);
    throw error;
  }
}

/**
 * Changes contact details, or retires a supplier (active: false); items keep their supplier terms. The first
 * order webhook URL gets a new signing secret, answered this once; a changed URL keeps it; null drops both.
 */
export async function updateSupplier(db: Db, actor: Actor, code: string, input: SupplierUpdate): Promise<SavedSupplier> {
  authorize(actor, "catalog.manage");
  const data = supplierUpdate.parse(input);
  const key = code.trim().toUpperCase();
  if (data.orderWebhookUrl) await checkOrderWebhookUrl(db, data.orderWebhookUrl);
  return unitOfWork(db, async (tx) => {
    // Locked: two requests setting the first URL at once must not each answer a secret of their own.
    const [locked] = await tx.$queryRaw<{ orderWebhookSecret: string | null }[]>`
      SELECT "orderWebhookSecret" FROM "Supplier" WHERE code = ${key} FOR UPDATE`;
    const before = await findView(tx, key);
    if (!locked || !before) throw new NotFound("Supplier", key);
    const orderWebhookSecret = data.orderWebhookUrl && !locked.orderWebhookSecret ? newWebhookSecret() : undefined;
    await tx.supplier.update({
      where: { code: key },
      data: {
        ...data,
        contacts: data.contacts,
        ...(data.orderWebhookUrl === null ? { orderWebhookSecret: null } : {}),
        ...(orderWebhookSecret ? { orderWebhookSecret: sealSigningSecret(orderWebhookSecret) } : {}),
      },
    });
    const after = (await findView(tx, key))!;
    await recordAudit(tx, actor, { action: "supplier.update", entityType: "supplier", entityId: key, before, after });
    return orderWebhookSecret ? { ...after, orderWebhookSecret } : after;
  });
}

/** The order webhook must not reach inside the network unless the installation allows it (as webhooks). */
async function checkOrderWebhookUrl(db: Db, url: string): Promise<void> {
  await checkOutboundUrl(url, { allowPrivate: await allowsPrivateUrls(db), field: "orderWebhookUrl" });
}
