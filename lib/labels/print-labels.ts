import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { loadLabelSubjects } from "./load-label-subjects";
import { renderLabels, type LabelFile } from "./render-labels";
import type { LabelFormat, LabelRequest, LabelSize } from "./schemas";

/** A file name from what was asked: "labels-bin-WH1-A-01", or "labels-item-3" for a selection of three. */
function baseNameOf(request: LabelRequest): string {
  const what = request.refs.length === 1 ? request.refs[0].trim() : String(request.refs.length);
  return `labels-${request.kind}-${what}`.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100);
}

/** Loads what a label request names (see loadLabelSubjects for who may) and renders it as one file. */
export async function printLabels(db: Db, actor: Actor, request: LabelRequest & { format: LabelFormat; size?: LabelSize }): Promise<LabelFile> {
  const subjects = await loadLabelSubjects(db, actor, request);
  return renderLabels(subjects, { format: request.format, size: request.size, baseName: baseNameOf(request) });
}
