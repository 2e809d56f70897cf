import { apiRoute } from "@/lib/http/api-route";
import { updateSupplier } from "@/lib/suppliers/manage-suppliers";
import { updateSupplierOp } from "@/lib/suppliers/operations";

export const PATCH = apiRoute(updateSupplierOp, ({ db, actor, params, body }) => updateSupplier(db, actor, params.code, body));
