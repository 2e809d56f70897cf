import { parseGs1Op } from "@/lib/gs1/operations";
import { parseGs1 } from "@/lib/gs1/parse-element-string";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(parseGs1Op, async ({ body }) => parseGs1(body.data));
