import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { reasonCodeInput, reasonCodeView } from "./schemas";

export const listReasonCodesOp = defineOperation({
  id: "listReasonCodes",
  method: "GET",
  path: "/api/v1/reason-codes",
  tag: "Stock",
  permission: "stock.view",
  summary: "The reason codes movements may name (active first)",
  response: z.object({ data: z.array(reasonCodeView) }),
});

export const createReasonCodeOp = defineOperation({
  id: "createReasonCode",
  method: "POST",
  path: "/api/v1/reason-codes",
  tag: "Stock",
  permission: "settings.manage",
  status: 201,
  summary: "Add a reason code (admins)",
  body: reasonCodeInput,
  response: reasonCodeView,
  problems: ["reason_code_taken"],
});

export const updateReasonCodeOp = defineOperation({
  id: "updateReasonCode",
  method: "PATCH",
  path: "/api/v1/reason-codes/{code}",
  tag: "Stock",
  permission: "settings.manage",
  summary: "Retire or restore an added reason code (admins)",
  params: z.object({ code: z.string() }),
  body: z.object({ active: z.boolean() }),
  response: reasonCodeView,
  problems: ["not_found", "built_in_reason_code"],
});
