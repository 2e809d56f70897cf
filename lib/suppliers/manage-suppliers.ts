import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isUniqueViolation } from "../db/errors";
import { Conflict, NotFound } from "../domain-error";
import { supplierInput, supplierUpdate, type SupplierInput, type SupplierUpdate, type SupplierView } from "./schemas";

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

export async function createSupplier(db: Db, actor: Actor, input: SupplierInput): Promise<SupplierView> {
  authorize(actor, "catalog.manage");
  const data = supplierInput.parse(input);
  try {
    return await unitOfWork(db, async (tx) => {
      await tx.supplier.create({ data: { ...data, contacts: data.contacts } });
      const view = (await findView(tx, data.code))!;
      await recordAudit(tx, actor, { action: "supplier.create", entityType: "supplier", entityId: data.code, after: view });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SupplierCodeTaken(data.code);
    throw error;
  }
}

/** Changes contact details, or retires a supplier (active: false); items keep their supplier terms. */
export async function updateSupplier(db: Db, actor: Actor, code: string, input: SupplierUpdate): Promise<SupplierView> {
  authorize(actor, "catalog.manage");
  const data = supplierUpdate.parse(input);
  const key = code.trim().toUpperCase();
  return unitOfWork(db, async (tx) => {
    const before = await findView(tx, key);
    if (!before) throw new NotFound("Supplier", key);
    await tx.supplier.update({ where: { code: key }, data: { ...data, contacts: data.contacts } });
    const after = (await findView(tx, key))!;
    await recordAudit(tx, actor, { action: "supplier.update", entityType: "supplier", entityId: key, before, after });
    return after;
  });
}
