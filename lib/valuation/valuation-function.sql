-- Valuation inside the posting: the one canonical copy of its SQL (as lib/ledger/posting-function.sql is for the
-- posting). A migration that changes a function here copies it whole; valuation-function-sql.int.test.ts fails
-- when the migrated database and this file differ.
--
-- stockroom_post_posting calls stockroom_value_posting after it has moved the stock levels, in the same
-- transaction: each movement that crosses a site's stock boundary (in from a supplier, customer or adjustment;
-- out to one; from one site to another) takes units from or adds units to the item's cost layers at that site and
-- records its value (MovementValue) and the layers it touched (MovementLayer). Moves between locations of one
-- site are not valued. The cost state of an item × site is locked after the levels, so the lock order stays
-- levels first, then costs, whatever the caller's unit of work locked before.
--
-- Money is numeric(18,4) throughout; a share of a value is round(value × part ÷ whole, 4), which rounds a half away
-- from zero, as lib/money/fixed-point.ts does. The TypeScript engine in lib/valuation is the oracle the tests
-- compare this with. docs/valuation.md tells the rules.
--
-- Errors (read by lib/ledger/posting-function.ts):
--   SR423 occurredAt in a closed month, or in the future   (DETAIL: {"closedThrough"} or {"now"})

-- The costing method of an item: its own, else its category's, else the installation's. Standard cost without a
-- standard cost to use falls back to the moving average (the item form refuses that combination).
CREATE OR REPLACE FUNCTION stockroom_costing_of(p_item uuid)
RETURNS TABLE (method "CostingMethod", standard_cost numeric) LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN x.m = 'standard' AND i."standardCost" IS NULL THEN 'average'::"CostingMethod" ELSE x.m END, i."standardCost"
    FROM "Item" i LEFT JOIN "Category" c ON c.id = i."categoryId"
    CROSS JOIN LATERAL (SELECT coalesce(i."costingMethod", c."costingMethod",
      (SELECT s."costingMethod" FROM "InstallationSettings" s WHERE s.id = 1), 'fifo'::"CostingMethod") AS m) x
   WHERE i.id = p_item
$$;

-- The cost state of an item at a site; made (empty, with the item's method) the first time. Locked only when the
-- caller computes from its value and quantity (an average issue, units in at the value per unit): everything else
-- changes it by one atomic UPDATE (which then locks it), and FIFO takes lock the layers they take from — a
-- lock less per posting, on the ledger's hottest path.
CREATE OR REPLACE FUNCTION stockroom_cost_state(p_item uuid, p_site uuid, p_lock boolean) RETURNS "CostState" LANGUAGE plpgsql AS $$
DECLARE
  state "CostState";
BEGIN
  IF p_lock THEN
    SELECT * INTO state FROM "CostState" WHERE "itemId" = p_item AND "siteId" = p_site FOR UPDATE;
  ELSE
    SELECT * INTO state FROM "CostState" WHERE "itemId" = p_item AND "siteId" = p_site;
  END IF;
  IF NOT FOUND THEN
    -- A change of method (the item's, its category's or the installation's) revalues the states that exist and holds
    -- the row it changed until it commits: a state made meanwhile waits for that row, then reads the new method.
    PERFORM 1 FROM "Item" i WHERE i.id = p_item FOR SHARE;
    PERFORM 1 FROM "Category" c WHERE c.id = (SELECT i."categoryId" FROM "Item" i WHERE i.id = p_item) FOR SHARE;
    PERFORM 1 FROM "InstallationSettings" s WHERE s.id = 1 FOR SHARE;
    INSERT INTO "CostState" ("itemId", "siteId", method, "standardCost", quantity, value, "updatedAt")
      SELECT p_item, p_site, c.method, c.standard_cost, 0, 0, now() FROM stockroom_costing_of(p_item) c
      ON CONFLICT ("itemId", "siteId") DO NOTHING;
    SELECT * INTO state FROM "CostState" WHERE "itemId" = p_item AND "siteId" = p_site FOR UPDATE;
  END IF;
  RETURN state;
END;
$$;

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

-- Adds one layer of units worth `p_value` (what they cost) at a site, by the state's method: FIFO keeps the
-- value in the layer, the average pools it in the state, standard cost books quantity × standard and answers the
-- rest as the variance. Answers {value (into stock), variance}.
CREATE OR REPLACE FUNCTION stockroom_cost_add_layer(p_movement bigint, state "CostState", p_quantity int, p_value numeric,
  p_received_at timestamp)
RETURNS TABLE (in_stock numeric, variance numeric) LANGUAGE plpgsql AS $$
DECLARE
  layer_id uuid;
  booked numeric := CASE state.method WHEN 'standard' THEN state."standardCost" * p_quantity ELSE p_value END;
BEGIN
  INSERT INTO "CostLayer" (id, "itemId", "siteId", "receivedAt", "receivedQuantity", quantity, value, "movementId")
  VALUES (gen_random_uuid(), state."itemId", state."siteId", p_received_at, p_quantity, p_quantity,
    CASE WHEN state.method = 'average' THEN 0 ELSE booked END, p_movement)
  RETURNING id INTO layer_id;
  INSERT INTO "MovementLayer" ("movementId", "layerId", quantity, value)
  VALUES (p_movement, layer_id, p_quantity, CASE WHEN state.method = 'average' THEN 0 ELSE booked END);
  UPDATE "CostState" SET quantity = quantity + p_quantity, value = value + booked, "updatedAt" = now()
    WHERE "itemId" = state."itemId" AND "siteId" = state."siteId";
  RETURN QUERY SELECT booked, p_value - booked;
END;
$$;

-- Puts back what an outgoing movement took, into the very layers it took from, at exactly its value (standard
-- cost: at today's standard, the difference a variance). Answers {value (into stock), variance}; no rows when
-- the movement reversed was not valued here.
CREATE OR REPLACE FUNCTION stockroom_cost_put_back(p_movement bigint, state "CostState", p_reversed bigint)
RETURNS TABLE (in_stock numeric, variance numeric) LANGUAGE plpgsql AS $$
DECLARE
  original numeric;
  piece record;
  units int := 0;
  booked numeric;
BEGIN
  SELECT -v.value INTO original FROM "MovementValue" v WHERE v."movementId" = p_reversed AND v."siteId" = state."siteId";
  IF NOT FOUND THEN RETURN; END IF;
  FOR piece IN SELECT ml."layerId", -ml.quantity AS quantity, -ml.value AS value FROM "MovementLayer" ml
      WHERE ml."movementId" = p_reversed AND ml.quantity < 0 ORDER BY ml."layerId" LOOP
    booked := CASE state.method WHEN 'standard' THEN state."standardCost" * piece.quantity ELSE piece.value END;
    UPDATE "CostLayer" SET quantity = quantity + piece.quantity, value = value + booked, "isOpen" = true WHERE id = piece."layerId";
    INSERT INTO "MovementLayer" ("movementId", "layerId", quantity, value) VALUES (p_movement, piece."layerId", piece.quantity, booked);
    units := units + piece.quantity;
  END LOOP;
  booked := CASE state.method WHEN 'standard' THEN state."standardCost" * units ELSE original END;
  UPDATE "CostState" SET quantity = quantity + units, value = value + booked, "updatedAt" = now()
    WHERE "itemId" = state."itemId" AND "siteId" = state."siteId";
  RETURN QUERY SELECT booked, original - booked;
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

-- Values every movement of a posting, in ledger order; answers {movementId: valuation} for those valued.
CREATE OR REPLACE FUNCTION stockroom_value_posting(p_posting uuid) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  m record;
  valued jsonb;
  answer jsonb := '{}';
BEGIN
  FOR m IN
    SELECT sm.id, sm."itemId", sm.quantity, sm."unitCost", sm."reversesId", sm."occurredAt",
      lf."siteId" AS from_site, stockroom_keeps_levels(lf.type) AS from_keeps, lf.type AS from_type,
      lt."siteId" AS to_site, stockroom_keeps_levels(lt.type) AS to_keeps, lt.type AS to_type
      FROM "StockMovement" sm
      JOIN "Location" lf ON lf.id = sm."fromLocationId"
      JOIN "Location" lt ON lt.id = sm."toLocationId"
     WHERE sm."postingId" = p_posting
       AND NOT (stockroom_keeps_levels(lf.type) AND stockroom_keeps_levels(lt.type) AND lf."siteId" = lt."siteId")
     ORDER BY sm.id
  LOOP
    valued := stockroom_value_movement(m.id, m."itemId", m.quantity, m."unitCost", m."reversesId", m."occurredAt",
      m.from_site, m.from_keeps, m.from_type, m.to_site, m.to_keeps, m.to_type);
    IF valued IS NOT NULL THEN answer := answer || jsonb_build_object(m.id::text, valued); END IF;
  END LOOP;
  RETURN answer;
END;
$$;

-- A posting dated into the past: not into a closed month, and not into the future. Closing a month takes the same
-- lock exclusively (lib/valuation/close-period.ts), so a posting and a close cannot pass each other.
CREATE OR REPLACE FUNCTION stockroom_check_occurred_at(p_at timestamp) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  closed_through date;
BEGIN
  IF p_at > now()::timestamp(3) + interval '1 minute' THEN
    RAISE EXCEPTION 'occurredAt in the future' USING ERRCODE = 'SR423', DETAIL = jsonb_build_object('now', now())::text;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(hashtext('stockroom.closed-periods'));
  SELECT (max(month) + interval '1 month' - interval '1 day')::date INTO closed_through FROM "ClosedPeriod";
  IF closed_through IS NOT NULL AND p_at::date <= closed_through THEN
    RAISE EXCEPTION 'occurredAt in a closed month' USING ERRCODE = 'SR423',
      DETAIL = jsonb_build_object('closedThrough', closed_through)::text;
  END IF;
END;
$$;

-- A new costing method or standard cost for an item (its own, its category's or the installation's), from an
-- instant: each of its cost states takes the method now, and what that changes in value is a revaluation dated
-- then. To standard: every unit at the standard. Average to FIFO: the pool spread over the open layers by quantity
-- (cumulative rounding, so they add up to it exactly). To average: the layers' values pooled. Standard to FIFO:
-- the layers keep their standard values. Answers the total change in value.
CREATE OR REPLACE FUNCTION stockroom_revalue(p_item uuid, p_at timestamp, p_note text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  state "CostState";
  target record;
  new_value numeric;
  total numeric := 0;
BEGIN
  SELECT * INTO target FROM stockroom_costing_of(p_item);
  FOR state IN SELECT * FROM "CostState" s WHERE s."itemId" = p_item ORDER BY s."siteId" FOR UPDATE LOOP
    CONTINUE WHEN state.method = target.method
      AND (target.method <> 'standard' OR state."standardCost" IS NOT DISTINCT FROM target.standard_cost);
    new_value := state.value;
    IF target.method = 'standard' THEN
      UPDATE "CostLayer" SET value = quantity * target.standard_cost
        WHERE "itemId" = p_item AND "siteId" = state."siteId" AND quantity > 0;
      new_value := state.quantity * target.standard_cost;
    ELSIF target.method = 'average' THEN
      UPDATE "CostLayer" SET value = 0 WHERE "itemId" = p_item AND "siteId" = state."siteId" AND quantity > 0;
    ELSIF state.method = 'average' AND state.quantity > 0 THEN
      UPDATE "CostLayer" l SET value = shares.share
        FROM (SELECT x.id, round(state.value * x.through / state.quantity, 4)
                         - round(state.value * (x.through - x.quantity) / state.quantity, 4) AS share
                FROM (SELECT c.id, c.quantity, sum(c.quantity) OVER (ORDER BY c."receivedAt", c."movementId", c.id) AS through
                        FROM "CostLayer" c WHERE c."itemId" = p_item AND c."siteId" = state."siteId" AND c.quantity > 0) x) shares
       WHERE l.id = shares.id;
    END IF;
    INSERT INTO "CostRevaluation" (id, "itemId", "siteId", "occurredAt", amount, quantity, "fromMethod", "toMethod",
      "fromStandardCost", "toStandardCost", note)
    VALUES (gen_random_uuid(), p_item, state."siteId", p_at, new_value - state.value, 0, state.method, target.method,
      state."standardCost", target.standard_cost, p_note);
    UPDATE "CostState" SET method = target.method, "standardCost" = target.standard_cost, value = new_value, "updatedAt" = now()
      WHERE "itemId" = p_item AND "siteId" = state."siteId";
    total := total + new_value - state.value;
  END LOOP;
  RETURN total;
END;
$$;
