import { parseGs1Op } from "@/lib/gs1/operations";
import { parseGs1Data } from "@/lib/gs1/parse-gs1-data";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(parseGs1Op, async ({ body }) => parseGs1Data(body.data));
