import { buildEventSchemaDocument } from "@/lib/events/catalogue";

// The event catalogue as JSON Schema: public documentation, like /api/openapi.json.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildEventSchemaDocument());
}
