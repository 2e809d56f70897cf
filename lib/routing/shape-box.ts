/** An axis-aligned rectangle on the floor, in map units (metres), y growing away from the map's top edge. */
export type Box = { x: number; y: number; width: number; height: number };

/**
 * The axis-aligned box a shape covers on the floor. A shape is drawn at (x, y) with its size and then turned by
 * `rotation` degrees about its centre; the box is the rotated rectangle's bounding box (exact for 0/90/180/270).
 */
export function shapeBox(shape: Box & { rotation?: number }): Box {
  const radians = ((shape.rotation ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.abs(Math.cos(radians)), Math.abs(Math.sin(radians))];
  // Snap the float noise of cos(90°) so a quarter turn swaps width and height exactly.
  const [c, s] = [cos < 1e-12 ? 0 : cos, sin < 1e-12 ? 0 : sin];
  const width = shape.width * c + shape.height * s;
  const height = shape.width * s + shape.height * c;
  const [cx, cy] = [shape.x + shape.width / 2, shape.y + shape.height / 2];
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}
