import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { labelBatchInput, labelParams, labelQuery } from "./schemas";

// The answer is a file, not JSON; lib/http/file-route.ts sends it with its own media type.
const labelFile = z.string().describe("The labels: application/pdf, ZPL as text/plain, or image/png, by format");
const fileTypes = ["application/pdf", "text/plain", "image/png"] as const;

export const printLabelOp = defineOperation({
  id: "printLabel",
  method: "GET",
  path: "/api/v1/labels/{kind}/{ref}",
  tag: "Labels",
  permission: "stock.view",
  summary: "Print the label of an item, bin, lot, serial or SSCC as PDF, ZPL or PNG",
  description:
    "Items carry their GTIN (EAN-13 for a GTIN-13, else GS1-128 AI 01) or, without one, their SKU as Code 128; bins their code as " +
    "Code 128 and QR; lots a GS1-128 of AIs 01, 17, 10 and serials a GS1 DataMatrix of AIs 01, 21 (Code 128 of the SKU when the " +
    "item has no GTIN); an SSCC a GS1-128 of AI 00. Lot and serial labels need `sku`. `subtree=true` prints every bin under a location.",
  params: labelParams,
  query: labelQuery,
  response: labelFile,
  fileTypes,
  problems: ["not_found"],
});

export const printLabelsOp = defineOperation({
  id: "printLabels",
  method: "POST",
  path: "/api/v1/labels",
  tag: "Labels",
  permission: "stock.view",
  readOnly: true,
  summary: "Print the labels of a selection of items or bins as one PDF or ZPL file",
  description: "Reads only: nothing is stored, so an Idempotency-Key is not needed. Labels come in the order of `refs`.",
  body: labelBatchInput,
  response: labelFile,
  fileTypes: ["application/pdf", "text/plain"],
  problems: ["not_found"],
});
