import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { savedSupplier, supplierInput, supplierUpdate, supplierView } from "./schemas";

export const listSuppliersOp = defineOperation({
  id: "listSuppliers",
  method: "GET",
  path: "/api/v1/suppliers",
  tag: "Catalogue",
  permission: "stock.view",
  summary: "Suppliers, active first, with how many items each sells",
  response: z.object({ data: z.array(supplierView) }),
});

export const createSupplierOp = defineOperation({
  id: "createSupplier",
  method: "POST",
  path: "/api/v1/suppliers",
  tag: "Catalogue",
  permission: "catalog.manage",
  status: 201,
  summary: "Add a supplier",
  description:
    "With `orderWebhookUrl`, the answer carries `orderWebhookSecret` (whsec_…), shown this once, to verify the signed orders POSTed there.",
  body: supplierInput,
  response: savedSupplier,
  secrets: ["orderWebhookSecret"],
  problems: ["supplier_code_taken"],
});

export const updateSupplierOp = defineOperation({
  id: "updateSupplier",
  method: "PATCH",
  path: "/api/v1/suppliers/{code}",
  tag: "Catalogue",
  permission: "catalog.manage",
  summary: "Change a supplier's details or retire it",
  description:
    "Setting `orderWebhookUrl` where there was none makes a new signing secret, answered as `orderWebhookSecret` this once; changing the URL keeps the secret; `null` removes both.",
  params: z.object({ code: z.string() }),
  body: supplierUpdate,
  response: savedSupplier,
  secrets: ["orderWebhookSecret"],
  problems: ["not_found"],
});
