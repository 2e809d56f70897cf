import { apiRoute } from "@/lib/http/api-route";
import { createSupplier, listSuppliers } from "@/lib/suppliers/manage-suppliers";
import { createSupplierOp, listSuppliersOp } from "@/lib/suppliers/operations";

export const GET = apiRoute(listSuppliersOp, async ({ db, actor }) => ({ data: await listSuppliers(db, actor) }));

export const POST = apiRoute(createSupplierOp, ({ db, actor, body }) => createSupplier(db, actor, body));
