/**
 * The OpenAPI 3.1 document, built from the same operation objects and zod schemas the routes enforce.
 * A new operations.ts must be added to ALL_OPERATIONS; tests/integration/api/routes.test.ts fails otherwise.
 */
import { z } from "zod";
import * as apiKeyOps from "../api-keys/operations";
import * as availabilityOps from "../availability/operations";
import * as reservationOps from "../reservations/operations";
import * as orderOps from "../orders/operations";
import * as authOps from "../auth/operations";
import * as catalogImportOps from "../catalog/import-operations";
import * as catalogOps from "../catalog/operations";
import * as countingOps from "../counting/operations";
import * as forecastOps from "../forecast/operations";
import * as gs1Ops from "../gs1/operations";
import * as labelOps from "../labels/operations";
import * as ledgerImportOps from "../ledger/import-operations";
import * as ledgerOps from "../ledger/operations";
import * as locationOps from "../locations/operations";
import * as mapOps from "../maps/operations";
import * as outboxOps from "../outbox/operations";
import * as eventOps from "../events/operations";
import * as channelOps from "../channels/operations";
import * as pickingOps from "../picking/operations";
import * as purchasingOps from "../purchasing/operations";
import * as transferOps from "../transfers/operations";
import * as reasonOps from "../reasons/operations";
import * as reorderPointOps from "../reorder-points/operations";
import * as rfidOps from "../rfid/operations";
import * as scanOps from "../scan/operations";
import * as searchOps from "../search/operations";
import * as supplierOps from "../suppliers/operations";
import * as siteOps from "../sites/operations";
import * as systemOps from "../system/operations";
import * as thresholdOps from "../thresholds/operations";
import * as userOps from "../users/operations";
import * as settingsOps from "../settings/operations";
import * as webhookOps from "../webhooks/operations";
import * as alertOps from "../alerts/operations";
import * as replenishmentOps from "../replenishment/operations";
import * as reportOps from "../reports/operations";
import * as valuationOps from "../valuation/operations";
import * as dashboardOps from "../dashboard/operations";
import type { Operation } from "../contract/operation";

export const ALL_OPERATIONS: Operation[] = [
  systemOps,
  authOps,
  siteOps,
  userOps,
  apiKeyOps,
  catalogOps,
  catalogImportOps,
  locationOps,
  mapOps,
  ledgerOps,
  ledgerImportOps,
  pickingOps,
  reservationOps,
  orderOps,
  availabilityOps,
  transferOps,
  purchasingOps,
  countingOps,
  gs1Ops,
  rfidOps,
  scanOps,
  searchOps,
  outboxOps,
  eventOps,
  channelOps,
  reasonOps,
  supplierOps,
  labelOps,
  forecastOps,
  thresholdOps,
  reorderPointOps,
  webhookOps,
  settingsOps,
  alertOps,
  replenishmentOps,
  reportOps,
  valuationOps,
  dashboardOps,
].flatMap((module) => Object.values(module) as Operation[]);

type JsonSchema = Record<string, unknown>;

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect), with named schemas hoisted into components. */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const raw = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
  // Rewrite references everywhere, the definitions included, before hoisting those into components.
  const json = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  const { $schema: _dialect, $defs, ...root } = json;
  for (const [name, { id: _id, ...definition }] of Object.entries($defs ?? {})) components[name] = definition;
  const id = root.id as string | undefined;
  if (!id) return root;
  delete root.id;
  components[id] = root;
  return { $ref: `#/components/schemas/${id}` };
}

const problemSchema: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details",
  required: ["type", "title", "status", "detail", "code"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    code: { type: "string" },
    correlationId: { type: "string" },
    errors: {
      type: "array",
      items: { type: "object", required: ["field", "message"], properties: { field: { type: "string" }, message: { type: "string" } } },
    },
  },
};

function problem(description: string) {
  return { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
}

function parametersOf(operation: Operation, components: Record<string, JsonSchema>) {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", operation.params],
    ["query", operation.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input", components) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: property });
    }
  }
  return list;
}

function successContent(op: Operation, components: Record<string, JsonSchema>) {
  if (op.fileTypes) return Object.fromEntries(op.fileTypes.map((type) => [type, { schema: { type: "string", format: "binary" } }]));
  return { [op.contentType ?? "application/json"]: { schema: schemaOf(op.response, "output", components) } };
}

export function buildOpenApiDocument() {
  const components: Record<string, JsonSchema> = { Problem: problemSchema };
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of ALL_OPERATIONS) {
    const responses: Record<string, unknown> = {
      [String(op.status ?? 200)]: { description: "Success", content: successContent(op, components) },
      ...(op.body || op.params || op.query ? { 422: problem("Invalid input: `errors` names each failing field") } : {}),
      ...(op.permission !== "public" ? { 401: problem("No or unknown credentials"), 403: problem("The role or site scope may not") } : {}),
      ...(op.problems?.includes("not_found") ? { 404: problem("No such resource") } : {}),
      ...(op.problems?.some((p) => p !== "not_found")
        ? { 409: problem(`Conflict: ${op.problems.filter((p) => p !== "not_found").join(", ")}`) }
        : {}),
    };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      ...(op.permission === "public"
        ? { security: [] }
        : op.permission === "signature"
          ? { security: [{ shopSignature: [] }], "x-permission": op.permission }
          : { "x-permission": op.permission }),
      parameters: [
        ...parametersOf(op, components),
        ...(op.method !== "GET"
          ? [
              {
                name: "Idempotency-Key",
                in: "header",
                required: false,
                schema: { type: "string", maxLength: 255 },
                description:
                  "Retry-safe writes: a repeat with the same key and body acts once and returns the first answer, marked `Idempotent-Replayed: true`; the same key with another body is refused (422 naming `Idempotency-Key`); a refusal is not kept, so its retry is judged again",
              },
            ]
          : []),
      ],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body, "input", components) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Stockroom API",
      version: "1",
      description:
        "Inventory for warehouses and the services around them. Authenticate with `Authorization: Bearer <API key>`; errors are RFC 9457 problem JSON.",
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key made by an admin" },
        shopSignature: {
          type: "apiKey",
          in: "header",
          name: "X-Shopify-Hmac-Sha256",
          description:
            "A shop's webhook: base64 HMAC-SHA256 of the raw body under the channel's webhook secret (WooCommerce: X-WC-Webhook-Signature)",
        },
      },
    },
  };
}
