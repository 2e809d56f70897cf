import type { Point } from "./map-types";

/** The part of the floor the plan shows, metres. The svg draws it with preserveAspectRatio "xMidYMid meet". */
export type ViewBox = { x: number; y: number; w: number; h: number };
/** Where the svg sits on screen, CSS pixels. */
export type Viewport = { left: number; top: number; width: number; height: number };

/** Metres per CSS pixel and the letterbox margins "meet" leaves on the roomier axis. */
function scaleOf(view: ViewBox, port: Viewport) {
  const perPixel = Math.max(view.w / port.width, view.h / port.height);
  return { perPixel, padX: (port.width - view.w / perPixel) / 2, padY: (port.height - view.h / perPixel) / 2 };
}

export function pixelsPerMetre(view: ViewBox, port: Viewport): number {
  return 1 / scaleOf(view, port).perPixel;
}

/** The floor point under a screen point. */
export function toFloor(view: ViewBox, port: Viewport, client: Point): Point {
  const { perPixel, padX, padY } = scaleOf(view, port);
  return { x: view.x + (client.x - port.left - padX) * perPixel, y: view.y + (client.y - port.top - padY) * perPixel };
}

/**
 * The view zoomed by `factor` (2 = twice as close) so that `floor` ends up under the screen point `client`:
 * zooming about the cursor or the pinch's midpoint, and panning when the factor is 1.
 */
export function zoomAbout(
  view: ViewBox,
  port: Viewport,
  factor: number,
  floor: Point,
  client: Point,
  limits: { minW: number; maxW: number },
): ViewBox {
  const clamped = Math.min(Math.max(view.w / factor, limits.minW), limits.maxW) / view.w;
  const next = { w: view.w * clamped, h: view.h * clamped };
  const { perPixel, padX, padY } = scaleOf({ ...view, ...next }, port);
  return { x: floor.x - (client.x - port.left - padX) * perPixel, y: floor.y - (client.y - port.top - padY) * perPixel, ...next };
}

/** The whole map with a small margin. */
export function fitView(width: number, height: number): ViewBox {
  const margin = Math.max(width, height) * 0.02;
  return { x: -margin, y: -margin, w: width + 2 * margin, h: height + 2 * margin };
}
