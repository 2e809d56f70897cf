import { z } from "zod";
import { defineOperation } from "../contract/operation";

const gs1Element = z.object({
  ai: z.string().describe("Application Identifier, e.g. 01"),
  value: z.string().describe("The element's data, e.g. 09506000134352"),
  title: z.string().describe("GS1's data title for the AI, e.g. GTIN"),
});

export const parseGs1Op = defineOperation({
  id: "parseGs1",
  method: "POST",
  path: "/api/v1/gs1/parse",
  tag: "GS1",
  permission: "stock.view",
  readOnly: true,
  summary: "Read GS1 AI data from a scan, a bracketed element string or a GS1 Digital Link URI",
  description:
    'Accepts "(01)09506000134352(10)ABC", raw scanner text with an optional symbology identifier (]C1, ]d2, ]Q3, ]e0, ]J1, ]E0, ]E4) ' +
    'and GS (U+001D) separators ("^", "{FNC1}" and "<GS>" stand in for GS), or an uncompressed GS1 Digital Link URI ' +
    '("https://id.gs1.org/01/09506000134352/10/ABC?17=250630"). Checks lengths, character sets, check digits, dates, the other ' +
    "GS1 Barcode Syntax Dictionary linters and the pairing rules between AIs (required companions, exclusions, repeats); " +
    "a 422 names each failing AI.",
  body: z
    .object({
      data: z
        .string()
        .min(1)
        .max(4096)
        .describe(
          "Scanned or typed GS1 data, e.g. (01)09506000134352(10)ABC(17)250630, or a GS1 Digital Link URI, e.g. https://id.gs1.org/01/09506000134352/10/ABC",
        ),
    })
    .meta({ id: "Gs1ParseInput" }),
  response: z
    .object({
      elements: z.array(gs1Element),
      hri: z.string().describe("Human-readable form, e.g. (01)09506000134352(10)ABC(17)250630"),
      elementString: z
        .string()
        .describe("Element string as encoded after FNC1 in first position, GS (U+001D) after each variable-length AI followed by another"),
      digitalLink: z
        .string()
        .optional()
        .describe(
          "Canonical GS1 Digital Link URI on id.gs1.org, e.g. https://id.gs1.org/01/09506000134352/10/ABC?17=250630; present when the data has a primary key (01, 00, 414, 8003...) and every AI can be carried in a URI",
        ),
    })
    .meta({ id: "ParsedGs1" }),
});
