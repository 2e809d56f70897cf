import { apiRoute } from "@/lib/http/api-route";
import { getDraftSchedule, setDraftSchedule } from "@/lib/purchasing/draft-schedule";
import { getDraftScheduleOp, setDraftScheduleOp } from "@/lib/purchasing/operations";

export const GET = apiRoute(getDraftScheduleOp, ({ db, actor, query }) => getDraftSchedule(db, actor, query.site));
export const PUT = apiRoute(setDraftScheduleOp, ({ db, actor, body }) => setDraftSchedule(db, actor, body));
