-- A reversed transfer arrival takes back the very layers it made at the destination and puts its units back into
-- the layers they left at the source (it was valued as a new transfer the other way), and a reversal takes back its
-- original's variance. stockroom_cost_take now finds a reversed movement's layers by the movement that made them,
-- so its argument changes type. Both functions whole, as lib/valuation/valuation-function.sql holds them.
DROP FUNCTION stockroom_cost_take(bigint, "CostState", integer, uuid, numeric);

-- Takes units out of an item's stock at a site: FIFO (standard cost too) from the oldest open layer (of one day,
-- the first posted), the layers that movement `p_reversed` made first (a reversed receipt's or transfer
-- arrival's); the moving average at the state's value per unit, or exactly `p_exact` (a reversal's) while units
-- remain. Records the layers taken from and answers the value taken. Units
-- beyond the layers (stock that predates valuation) are valued at the last unit cost. The caller takes the value
-- off the state (with the movement's value, in one statement).
CREATE OR REPLACE FUNCTION stockroom_cost_take(p_movement bigint, state "CostState", p_quantity int, p_reversed bigint, p_exact numeric)
RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  remaining int := p_quantity;
  layer record;
  take int;
  piece numeric;
  taken numeric := 0;
BEGIN
  FOR layer IN SELECT l.id, l.quantity, l.value FROM "CostLayer" l
      WHERE l."itemId" = state."itemId" AND l."siteId" = state."siteId" AND l."isOpen"
      ORDER BY (l."movementId" IS NOT DISTINCT FROM p_reversed) DESC, l."receivedAt", l."movementId", l.id FOR UPDATE LOOP
    EXIT WHEN remaining = 0;
    take := least(layer.quantity, remaining);
    piece := CASE WHEN take = layer.quantity THEN layer.value ELSE round(layer.value * take / layer.quantity, 4) END;
    UPDATE "CostLayer" SET quantity = quantity - take, value = value - piece, "isOpen" = quantity > take WHERE id = layer.id;
    INSERT INTO "MovementLayer" ("movementId", "layerId", quantity, value) VALUES (p_movement, layer.id, -take, -piece);
    taken := taken + piece;
    remaining := remaining - take;
  END LOOP;
  IF state.method = 'average' THEN
    -- Average layers hold no value (pieces are 0): the state's value per unit is the cost.
    taken := CASE WHEN p_quantity >= state.quantity THEN state.value + round(coalesce(state."lastUnitCost", 0) * (p_quantity - greatest(state.quantity, 0)), 4)
                  WHEN p_exact IS NOT NULL THEN p_exact
                  ELSE round(state.value * p_quantity / state.quantity, 4) END;
  ELSIF remaining > 0 THEN
    taken := taken + round(coalesce(state."standardCost", state."lastUnitCost", 0) * remaining, 4);
  END IF;
  RETURN taken;
END;
$$;

-- Values one movement (see the top of this file); answers its valuation for the posting's answer, or null.
CREATE OR REPLACE FUNCTION stockroom_value_movement(p_id bigint, p_item uuid, p_quantity int, p_unit_cost numeric,
  p_reverses bigint, p_occurred_at timestamp, p_from_site uuid, p_from_keeps boolean, p_from_type "LocationType",
  p_to_site uuid, p_to_keeps boolean, p_to_type "LocationType")
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  out_state "CostState";
  in_state "CostState";
  category "ValueCategory";
  taken numeric;
  exact numeric;
  reversed_variance numeric;
  added record;
  carried numeric := 0;
  carried_variance numeric := 0;
  piece record;
  cost numeric;
  total numeric;
  variance numeric := 0;
  put_back boolean := false;
  method "CostingMethod";
BEGIN
  IF (p_from_keeps AND p_to_keeps AND p_from_site = p_to_site) OR NOT (p_from_keeps OR p_to_keeps) THEN RETURN NULL; END IF;
  category := CASE WHEN p_from_keeps AND p_to_keeps THEN 'transfers'
                   WHEN 'supplier' IN (p_from_type, p_to_type) THEN 'receipts'
                   WHEN 'customer' IN (p_from_type, p_to_type) THEN 'cogs'
                   ELSE 'adjustments' END;
  -- Two sites' states (a transfer) are locked in site order, as two transfers the other way round would.
  IF p_from_keeps AND p_to_keeps AND p_to_site < p_from_site THEN in_state := stockroom_cost_state(p_item, p_to_site, false); END IF;
  IF p_from_keeps THEN
    out_state := stockroom_cost_state(p_item, p_from_site, false);
    -- An average issue computes from the state's value and quantity: those must hold until it writes.
    IF out_state.method = 'average' THEN out_state := stockroom_cost_state(p_item, p_from_site, true); END IF;
  END IF;
  IF p_to_keeps AND in_state IS NULL THEN in_state := stockroom_cost_state(p_item, p_to_site, p_unit_cost IS NULL AND NOT p_from_keeps); END IF;

  IF p_from_keeps THEN
    IF p_reverses IS NOT NULL THEN
      -- Reversing what came in (a receipt, a transfer's arrival): from the layers it made, at exactly its value
      -- while they are whole, its variance (standard cost) taken back with it.
      SELECT v.value, v.variance INTO exact, reversed_variance FROM "MovementValue" v
       WHERE v."movementId" = p_reverses AND v."siteId" = p_from_site;
    END IF;
    taken := stockroom_cost_take(p_id, out_state, p_quantity, p_reverses, exact);
    WITH state AS (
      UPDATE "CostState" SET quantity = quantity - p_quantity, value = value - taken, "updatedAt" = now()
       WHERE "itemId" = p_item AND "siteId" = p_from_site
    )
    INSERT INTO "MovementValue" ("movementId", "siteId", "itemId", "occurredAt", method, quantity, value, variance, category)
    VALUES (p_id, p_from_site, p_item, p_occurred_at, out_state.method, -p_quantity, -taken, -coalesce(reversed_variance, 0), category);
    method := out_state.method;
    total := taken;
  END IF;

  IF p_to_keeps THEN
    IF p_from_keeps THEN
      IF p_reverses IS NOT NULL THEN
        -- A transfer's arrival reversed: the units go back into the very layers they left at the other site.
        SELECT * INTO added FROM stockroom_cost_put_back(p_id, in_state, p_reverses);
        put_back := FOUND;
        carried := coalesce(added.in_stock, 0);
        carried_variance := coalesce(added.variance, 0);
      END IF;
      -- Between sites: each unit keeps the date it first came in and its cost; shares of an average (whose layers
      -- hold no value) by cumulative rounding, so they add up to what left exactly.
      FOR piece IN
        WITH taken_pieces AS (
          SELECT l."receivedAt" AS received_at, -ml.quantity AS quantity, -ml.value AS value
            FROM "MovementLayer" ml JOIN "CostLayer" l ON l.id = ml."layerId"
           WHERE ml."movementId" = p_id AND ml.quantity < 0
        ), pieces AS (
          SELECT * FROM taken_pieces
          UNION ALL -- units beyond the layers: the rest of what was taken, dated today
          SELECT p_occurred_at, p_quantity - coalesce(sum(t.quantity), 0)::int, taken - coalesce(sum(t.value), 0) FROM taken_pieces t
        ), ordered AS (
          SELECT p.*, sum(p.quantity) OVER (ORDER BY p.received_at, p.quantity ROWS UNBOUNDED PRECEDING) AS through
            FROM pieces p WHERE p.quantity > 0
        )
        SELECT o.received_at, o.quantity,
          CASE WHEN out_state.method = 'average'
               THEN round(taken * o.through / p_quantity, 4) - round(taken * (o.through - o.quantity) / p_quantity, 4)
               ELSE o.value END AS value
          FROM ordered o WHERE NOT put_back ORDER BY o.received_at, o.quantity
      LOOP
        SELECT * INTO added FROM stockroom_cost_add_layer(p_id, in_state, piece.quantity, piece.value, piece.received_at);
        carried := carried + added.in_stock;
        carried_variance := carried_variance + added.variance;
      END LOOP;
      INSERT INTO "MovementValue" ("movementId", "siteId", "itemId", "occurredAt", method, quantity, value, variance, category)
      VALUES (p_id, p_to_site, p_item, p_occurred_at, in_state.method, p_quantity, carried, carried_variance, category);
    ELSE
      IF p_reverses IS NOT NULL THEN
        SELECT * INTO added FROM stockroom_cost_put_back(p_id, in_state, p_reverses);
        put_back := FOUND;
      END IF;
      IF NOT put_back THEN
        cost := CASE WHEN p_unit_cost IS NOT NULL THEN p_unit_cost * p_quantity
                     WHEN in_state.method = 'standard' THEN in_state."standardCost" * p_quantity
                     WHEN in_state.quantity > 0 THEN round(in_state.value * p_quantity / in_state.quantity, 4)
                     ELSE round(coalesce(in_state."lastUnitCost", 0) * p_quantity, 4) END;
        SELECT * INTO added FROM stockroom_cost_add_layer(p_id, in_state, p_quantity, cost, p_occurred_at);
        IF p_unit_cost IS NOT NULL THEN
          UPDATE "CostState" SET "lastUnitCost" = p_unit_cost WHERE "itemId" = p_item AND "siteId" = p_to_site;
        END IF;
      END IF;
      INSERT INTO "MovementValue" ("movementId", "siteId", "itemId", "occurredAt", method, quantity, value, variance, category)
      VALUES (p_id, p_to_site, p_item, p_occurred_at, in_state.method, p_quantity, added.in_stock, added.variance, category);
      method := in_state.method;
      total := added.in_stock;
      variance := added.variance;
    END IF;
  END IF;

  RETURN jsonb_build_object('method', method, 'totalCost', total::numeric(18,4)::text,
    'unitCost', round(total / p_quantity, 4)::numeric(18,4)::text, 'variance', variance::numeric(18,4)::text);
END;
$$;
