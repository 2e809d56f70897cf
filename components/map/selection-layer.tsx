import type { RackBins } from "@/lib/maps/generate-rack-bins";
import type { MapShape } from "./map-types";
import { turnOf } from "./plan-layers";
import type { Corner } from "./shape-edits";

const CORNERS: Corner[] = ["nw", "ne", "sw", "se"];

/**
 * The editor's marks over the plan: selected shapes (where a drag would put them), resize handles when one shape
 * is selected, and the bulk-create preview. Selected shapes carry data-shape, so a drag that starts on them moves
 * them rather than panning.
 */
export function SelectionLayer({ shapes, showHandles, preview }: { shapes: MapShape[]; showHandles: boolean; preview: RackBins | null }) {
  const single = showHandles && shapes.length === 1 ? shapes[0] : null;
  const handle = single ? Math.min(Math.max(Math.min(single.width, single.height) * 0.35, 0.25), 1.5) : 0;
  return (
    <g>
      {preview ? (
        <g pointerEvents="none" data-testid="rack-preview-shapes">
          {preview.shapes.map((s) => (
            <rect
              key={s.id}
              x={s.x}
              y={s.y}
              width={s.width}
              height={s.height}
              fill={s.kind === "bin" ? "rgba(16,185,129,0.35)" : "rgba(148,163,184,0.25)"}
              stroke="#047857"
              strokeWidth={1}
              strokeDasharray="4 3"
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </g>
      ) : null}
      {shapes.map((s) => (
        <rect
          key={s.id}
          x={s.x}
          y={s.y}
          width={s.width}
          height={s.height}
          transform={turnOf(s)}
          fill="rgba(37,99,235,0.3)"
          stroke="#1d4ed8"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
          data-shape={s.id}
          data-selected="true"
          className="cursor-move"
        />
      ))}
      {single ? (
        <g transform={turnOf(single)}>
          {CORNERS.map((corner) => (
            <rect
              key={corner}
              data-handle={corner}
              data-shape={single.id}
              aria-label={`Resize from the ${corner} corner`}
              x={(corner.endsWith("w") ? single.x : single.x + single.width) - handle / 2}
              y={(corner.startsWith("n") ? single.y : single.y + single.height) - handle / 2}
              width={handle}
              height={handle}
              fill="#ffffff"
              stroke="#1d4ed8"
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
              className={corner === "nw" || corner === "se" ? "cursor-nwse-resize" : "cursor-nesw-resize"}
            />
          ))}
        </g>
      ) : null}
    </g>
  );
}
