-- CreateEnum
CREATE TYPE "CostingMethod" AS ENUM ('fifo', 'average', 'standard');

-- CreateEnum
CREATE TYPE "ValueCategory" AS ENUM ('receipts', 'cogs', 'adjustments', 'transfers');

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "costingMethod" "CostingMethod";

-- AlterTable
ALTER TABLE "InstallationSettings" ADD COLUMN     "costingMethod" "CostingMethod" NOT NULL DEFAULT 'fifo',
ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'EUR';

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "costingMethod" "CostingMethod",
ADD COLUMN     "standardCost" DECIMAL(18,4);

-- AlterTable
ALTER TABLE "StockMovement" ADD COLUMN     "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "CostState" (
    "itemId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "method" "CostingMethod" NOT NULL,
    "standardCost" DECIMAL(18,4),
    "quantity" INTEGER NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "lastUnitCost" DECIMAL(18,4),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostState_pkey" PRIMARY KEY ("itemId","siteId")
);

-- CreateTable
CREATE TABLE "CostLayer" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "receivedQuantity" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "movementId" BIGINT,

    CONSTRAINT "CostLayer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MovementValue" (
    "movementId" BIGINT NOT NULL,
    "siteId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "method" "CostingMethod" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "variance" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "category" "ValueCategory" NOT NULL,

    CONSTRAINT "MovementValue_pkey" PRIMARY KEY ("movementId","siteId")
);

-- CreateTable
CREATE TABLE "MovementLayer" (
    "movementId" BIGINT NOT NULL,
    "layerId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,

    CONSTRAINT "MovementLayer_pkey" PRIMARY KEY ("movementId","layerId")
);

-- CreateTable
CREATE TABLE "CostRevaluation" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "amount" DECIMAL(18,4) NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "fromMethod" "CostingMethod" NOT NULL,
    "toMethod" "CostingMethod" NOT NULL,
    "fromStandardCost" DECIMAL(18,4),
    "toStandardCost" DECIMAL(18,4),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostRevaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosedPeriod" (
    "month" DATE NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedBy" TEXT NOT NULL,

    CONSTRAINT "ClosedPeriod_pkey" PRIMARY KEY ("month")
);

-- CreateIndex
CREATE INDEX "MovementValue_siteId_occurredAt_idx" ON "MovementValue"("siteId", "occurredAt");

-- CreateIndex
CREATE INDEX "MovementValue_itemId_siteId_occurredAt_idx" ON "MovementValue"("itemId", "siteId", "occurredAt");

-- CreateIndex
CREATE INDEX "MovementValue_occurredAt_idx" ON "MovementValue"("occurredAt");

-- CreateIndex
CREATE INDEX "MovementLayer_layerId_idx" ON "MovementLayer"("layerId");

-- CreateIndex
CREATE INDEX "CostRevaluation_siteId_occurredAt_idx" ON "CostRevaluation"("siteId", "occurredAt");

-- CreateIndex
CREATE INDEX "CostRevaluation_itemId_siteId_occurredAt_idx" ON "CostRevaluation"("itemId", "siteId", "occurredAt");

-- AddForeignKey
ALTER TABLE "CostState" ADD CONSTRAINT "CostState_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostState" ADD CONSTRAINT "CostState_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostLayer" ADD CONSTRAINT "CostLayer_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostLayer" ADD CONSTRAINT "CostLayer_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementValue" ADD CONSTRAINT "MovementValue_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "StockMovement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementValue" ADD CONSTRAINT "MovementValue_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementValue" ADD CONSTRAINT "MovementValue_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostRevaluation" ADD CONSTRAINT "CostRevaluation_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostRevaluation" ADD CONSTRAINT "CostRevaluation_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Written by hand ----

-- Movements recorded before this migration happened when they were recorded. (The ledger is append-only; its
-- guard is lifted for this one backfill only.)
ALTER TABLE "StockMovement" DISABLE TRIGGER "StockMovement_append_only";
UPDATE "StockMovement" SET "occurredAt" = at;
ALTER TABLE "StockMovement" ENABLE TRIGGER "StockMovement_append_only";

-- FIFO finds the open layers of an item × site, oldest first, without walking the emptied ones.
CREATE INDEX "CostLayer_open_idx" ON "CostLayer" ("itemId", "siteId", "receivedAt", "movementId", id) WHERE quantity > 0;

-- Values and the layers they touched are history, as the ledger is.
CREATE TRIGGER "MovementValue_append_only" BEFORE UPDATE OR DELETE ON "MovementValue"
  FOR EACH ROW EXECUTE FUNCTION stockroom_refuse_change();
CREATE TRIGGER "MovementLayer_append_only" BEFORE UPDATE OR DELETE ON "MovementLayer"
  FOR EACH ROW EXECUTE FUNCTION stockroom_refuse_change();
CREATE TRIGGER "CostRevaluation_append_only" BEFORE UPDATE OR DELETE ON "CostRevaluation"
  FOR EACH ROW EXECUTE FUNCTION stockroom_refuse_change();

-- lib/valuation/valuation-function.sql as of this migration
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

-- The cost state of an item at a site, locked; made (empty, with the item's method) the first time.
CREATE OR REPLACE FUNCTION stockroom_cost_state(p_item uuid, p_site uuid) RETURNS "CostState" LANGUAGE plpgsql AS $$
DECLARE
  state "CostState";
BEGIN
  SELECT * INTO state FROM "CostState" WHERE "itemId" = p_item AND "siteId" = p_site FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO "CostState" ("itemId", "siteId", method, "standardCost", quantity, value, "updatedAt")
      SELECT p_item, p_site, c.method, c.standard_cost, 0, 0, now() FROM stockroom_costing_of(p_item) c
      ON CONFLICT ("itemId", "siteId") DO NOTHING;
    SELECT * INTO state FROM "CostState" WHERE "itemId" = p_item AND "siteId" = p_site FOR UPDATE;
  END IF;
  RETURN state;
END;
$$;

-- Takes units out of an item's stock at a site: FIFO (standard cost too) from the oldest open layer (of one day,
-- the first posted), `p_first`
-- first (the layer a reversed receipt made); the moving average at the state's value per unit, or exactly
-- `p_exact` (a reversal's) while units remain. Records the layers taken from and answers the value taken. Units
-- beyond the layers (stock that predates valuation) are valued at the last unit cost.
CREATE OR REPLACE FUNCTION stockroom_cost_take(p_movement bigint, state "CostState", p_quantity int, p_first uuid, p_exact numeric)
RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  remaining int := p_quantity;
  layer record;
  take int;
  piece numeric;
  taken numeric := 0;
BEGIN
  FOR layer IN SELECT l.id, l.quantity, l.value FROM "CostLayer" l
      WHERE l."itemId" = state."itemId" AND l."siteId" = state."siteId" AND l.quantity > 0
      ORDER BY (l.id IS NOT DISTINCT FROM p_first) DESC, l."receivedAt", l."movementId", l.id FOR UPDATE LOOP
    EXIT WHEN remaining = 0;
    take := least(layer.quantity, remaining);
    piece := CASE WHEN take = layer.quantity THEN layer.value ELSE round(layer.value * take / layer.quantity, 4) END;
    UPDATE "CostLayer" SET quantity = quantity - take, value = value - piece WHERE id = layer.id;
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
  UPDATE "CostState" SET quantity = quantity - p_quantity, value = value - taken, "updatedAt" = now()
    WHERE "itemId" = state."itemId" AND "siteId" = state."siteId";
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
    UPDATE "CostLayer" SET quantity = quantity + piece.quantity, value = value + booked WHERE id = piece."layerId";
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
  first_layer uuid;
  exact numeric;
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
  IF p_from_keeps AND p_to_keeps AND p_to_site < p_from_site THEN in_state := stockroom_cost_state(p_item, p_to_site); END IF;
  IF p_from_keeps THEN out_state := stockroom_cost_state(p_item, p_from_site); END IF;
  IF p_to_keeps AND in_state IS NULL THEN in_state := stockroom_cost_state(p_item, p_to_site); END IF;

  IF p_from_keeps THEN
    IF p_reverses IS NOT NULL AND NOT p_to_keeps THEN
      -- Reversing what came in: from the layer it made first, at exactly its value while that is whole.
      SELECT ml."layerId" INTO first_layer FROM "MovementLayer" ml WHERE ml."movementId" = p_reverses AND ml.quantity > 0 LIMIT 1;
      SELECT v.value INTO exact FROM "MovementValue" v WHERE v."movementId" = p_reverses AND v."siteId" = p_from_site;
    END IF;
    taken := stockroom_cost_take(p_id, out_state, p_quantity, first_layer, exact);
    INSERT INTO "MovementValue" ("movementId", "siteId", "itemId", "occurredAt", method, quantity, value, variance, category)
    VALUES (p_id, p_from_site, p_item, p_occurred_at, out_state.method, -p_quantity, -taken, 0, category);
    method := out_state.method;
    total := taken;
  END IF;

  IF p_to_keeps THEN
    IF p_from_keeps THEN
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
          FROM ordered o ORDER BY o.received_at, o.quantity
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

-- lib/ledger/posting-function.sql as of this migration (occurredAt, and the valuation of each posting)
-- The ledger's posting function, as it stands: the one canonical copy of its SQL. A migration that changes it
-- copies the changed functions from here (PL/pgSQL replaces a function whole, and landed migrations are never
-- edited); lib/ledger/posting-function-sql.int.test.ts fails when the migrated database and this file differ.
--
-- stockroom_post_posting(p jsonb) appends a posting's movements, creates its new lots, moves the stock levels
-- with conditional updates, links serials, writes the audit entry, the outbox event and the idempotency record,
-- and answers the posting as JSON, all in the caller's single statement (one transaction). Business rules (which
-- locations a kind moves between, lots, FEFO, storage conditions, who may) are decided in lib/ledger before the
-- call; this guards the invariants that must hold under concurrency: no physical level below zero or below its
-- reservations, a serial in one place, a lot number once per item, a key used once.
--
-- Errors use SQLSTATEs of our own, read by lib/ledger/posting-function.ts:
--   SR409 insufficient stock                  (DETAIL: {"index", "available", "requested"})
--   SR410 serial not at the source location   (DETAIL: {"index", "serials"})
--   SR411 count changed meanwhile             (DETAIL: {"index", "expected", "actual"})
--   SR422 idempotency key reused for another request

-- Which levels are kept: physical locations and in-transit. The other virtual locations (supplier, customer,
-- loss, scrap, damage, count adjustment) are the far side of movements; their balances are sums over the ledger.
CREATE OR REPLACE FUNCTION stockroom_keeps_levels(loc_type "LocationType") RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT loc_type NOT IN ('supplier', 'customer', 'loss', 'scrap', 'damage', 'adjustment') $$;

-- A level's on hand and reserved, locked or not.
CREATE OR REPLACE FUNCTION stockroom_level_of(p_item uuid, p_location uuid, p_lot uuid, p_lock boolean)
RETURNS TABLE (on_hand int, reserved int) LANGUAGE plpgsql AS $$
BEGIN
  IF p_lock THEN
    RETURN QUERY SELECT l."onHand", l."reserved" FROM "StockLevel" l
      WHERE l."itemId" = p_item AND l."locationId" = p_location AND l."lotId" IS NOT DISTINCT FROM p_lot FOR UPDATE;
  ELSE
    RETURN QUERY SELECT l."onHand", l."reserved" FROM "StockLevel" l
      WHERE l."itemId" = p_item AND l."locationId" = p_location AND l."lotId" IS NOT DISTINCT FROM p_lot;
  END IF;
END;
$$;

-- Lines of a posting as rows, numbered from 0 in posting order.
CREATE OR REPLACE FUNCTION stockroom_posting_lines(p jsonb)
RETURNS TABLE (n int, kind "MovementKind", item uuid, quantity int, from_loc uuid, to_loc uuid, lot uuid, unit_cost numeric,
  currency text, reason text, note text, reference text, reverses bigint, from_keeps boolean, to_keeps boolean, to_virtual boolean,
  sku text, from_code text, to_code text)
LANGUAGE sql STABLE AS $$
  SELECT (x.n - 1)::int, x.kind::"MovementKind", x.item, x.quantity, x.from_loc, x.to_loc, x.lot, x.unit_cost, x.currency,
    x.reason, x.note, x.reference, x.reverses, x.from_keeps, x.to_keeps, x.to_virtual, x.sku, x.from_code, x.to_code
  FROM ROWS FROM (jsonb_to_recordset(p->'lines') AS ("kind" text, "itemId" uuid, quantity int, "fromLocationId" uuid,
      "toLocationId" uuid, "lotId" uuid, "unitCost" numeric, currency text, "reasonCode" text, note text, reference text,
      "reversesId" bigint, "fromKeepsLevels" boolean, "toKeepsLevels" boolean, "toIsVirtual" boolean, sku text,
      "fromCode" text, "toCode" text))
    WITH ORDINALITY AS x(kind, item, quantity, from_loc, to_loc, lot, unit_cost, currency, reason, note, reference, reverses,
      from_keeps, to_keeps, to_virtual, sku, from_code, to_code, n)
$$;

-- Every level write of a posting, in the order posting line after line makes them: by line, and within a line
-- its two ends in location-id order. `change` is the quantity signed: taken out of the level, or put in.
CREATE OR REPLACE FUNCTION stockroom_posting_level_writes(p jsonb)
RETURNS TABLE (seq int, n int, item uuid, loc uuid, lot uuid, quantity int, change int, debit boolean, virtual boolean,
  sku text, code text)
LANGUAGE sql STABLE AS $$
  SELECT l.n * 2 + e.position, l.n, l.item, e.loc, l.lot, l.quantity, CASE WHEN e.debit THEN -l.quantity ELSE l.quantity END,
    e.debit, e.virtual, l.sku, e.code
  FROM stockroom_posting_lines(p) l
  CROSS JOIN LATERAL (VALUES
    (l.from_loc, true, false, l.from_keeps, CASE WHEN l.to_loc < l.from_loc THEN 1 ELSE 0 END, l.from_code),
    (l.to_loc, false, l.to_virtual, l.to_keeps, CASE WHEN l.to_loc < l.from_loc THEN 0 ELSE 1 END, l.to_code)
  ) e(loc, debit, virtual, keeps, position, code)
  WHERE e.keeps
$$;

-- A posting set-based: all its movements by one INSERT, all its levels by two statements (large postings of
-- plain lines). Answers what the loop answers: {movements, levels, units}.
CREATE OR REPLACE FUNCTION stockroom_post_lines_together(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  posting_id uuid := (p->>'postingId')::uuid;
  idem jsonb := p->'idempotency';
  actor jsonb := p->'actor';
  -- Every movement of a posting is stamped with the transaction's time, as stored (to the millisecond).
  posted_at timestamp(3) := now();
  occurred_at timestamp(3) := coalesce((p->>'occurredAt')::timestamptz::timestamp(3), posted_at);
  ids bigint[];
  movements jsonb;
  units bigint;
  replayed record;
BEGIN
  -- The ledger ids, taken in line order, so that the ledger lists the posting's movements as they were sent.
  ids := ARRAY(SELECT nextval('"StockMovement_id_seq"') FROM generate_series(1, jsonb_array_length(p->'lines')) ORDER BY 1);
  WITH lines AS MATERIALIZED (SELECT * FROM stockroom_posting_lines(p)),
  inserted AS (
    INSERT INTO "StockMovement" (id, "postingId", kind, "itemId", quantity, "fromLocationId", "toLocationId", "lotId",
      "unitCost", currency, "reasonCode", note, reference, "actorUserId", "actorApiKeyId", "actorLabel", at,
      "occurredAt", "idempotencyKey", "reversesId")
    SELECT ids[l.n + 1], posting_id, l.kind, l.item, l.quantity, l.from_loc, l.to_loc, l.lot, l.unit_cost, l.currency, l.reason,
      l.note, l.reference, (actor->>'userId')::uuid, (actor->>'apiKeyId')::uuid, actor->>'label', posted_at, occurred_at,
      idem->>'key', l.reverses
    FROM lines l
  )
  -- Everything a movement's answer shows is what was just inserted, in the column's own type.
  SELECT jsonb_agg(jsonb_build_object(
      'id', ids[l.n + 1]::text, 'kind', l.kind, 'sku', l.sku, 'quantity', l.quantity, 'from', l.from_code, 'to', l.to_code,
      'lot', lot.number, 'expiresOn', lot."expiresOn", 'unitCost', l.unit_cost::numeric(18,4)::text, 'currency', l.currency,
      'reason', l.reason, 'note', l.note, 'reference', l.reference, 'actor', actor->>'label',
      'at', to_char(posted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'occurredAt', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'reverses', l.reverses::text,
      'serials', '[]'::jsonb) ORDER BY l.n), sum(l.quantity)
    INTO movements, units
    FROM lines l LEFT JOIN "Lot" lot ON lot.id = l.lot;

  -- Lock every level the posting writes, in one global order (item, location, lot), creating the missing ones
  -- empty; a posting that then fails rolls them back with everything else. (ON CONFLICT DO UPDATE locks the
  -- existing row even when its WHERE leaves it unchanged.)
  INSERT INTO "StockLevel" AS s (id, "itemId", "locationId", "lotId", "isVirtual", "onHand", reserved, "updatedAt")
  SELECT gen_random_uuid(), w.item, w.loc, w.lot, coalesce(bool_or(w.virtual) FILTER (WHERE NOT w.debit), false), 0, 0, now()
    FROM stockroom_posting_level_writes(p) w GROUP BY w.item, w.loc, w.lot ORDER BY w.item, w.loc, w.lot
  ON CONFLICT ("itemId", "locationId", "lotId") DO UPDATE SET "updatedAt" = s."updatedAt" WHERE false;

  -- Replay the writes on the locked levels as the loop makes them. The first debit that takes more than is
  -- available fails the posting, at the line where the loop would have stopped; otherwise each level moves by
  -- the sum of its writes.
  WITH replay AS (
    SELECT w.seq, w.n, w.quantity, w.debit, w.sku, w.code, s.id AS level_id, s."lotId" AS lot, s.reserved,
      s."onHand" + sum(w.change) OVER (PARTITION BY s.id ORDER BY w.seq) AS after,
      sum(w.change) OVER (PARTITION BY s.id) AS delta
    FROM stockroom_posting_level_writes(p) w
    JOIN "StockLevel" s ON s."itemId" = w.item AND s."locationId" = w.loc AND s."lotId" IS NOT DISTINCT FROM w.lot
  ), first_short AS (
    SELECT r.n, r.quantity, r.after + r.quantity - r.reserved AS available FROM replay r
     WHERE r.debit AND r.after < r.reserved ORDER BY r.seq LIMIT 1
  ), final AS (
    SELECT DISTINCT ON (r.level_id) r.level_id, r.delta, r.after AS on_hand, r.reserved, r.lot, r.sku, r.code
      FROM replay r ORDER BY r.level_id, r.seq DESC
  ), moved AS (
    UPDATE "StockLevel" s SET "onHand" = s."onHand" + f.delta, "updatedAt" = now()
      FROM final f WHERE s.id = f.level_id AND NOT EXISTS (SELECT 1 FROM first_short)
  )
  SELECT (SELECT to_jsonb(fs) FROM first_short fs) AS short,
    coalesce((SELECT jsonb_agg(jsonb_build_object('sku', f.sku, 'location', f.code, 'lot', lot.number, 'onHand', f.on_hand,
        'reserved', f.reserved, 'available', f.on_hand - f.reserved) ORDER BY f.code, lot.number, f.sku)
      FROM final f LEFT JOIN "Lot" lot ON lot.id = f.lot), '[]'::jsonb) AS levels
    INTO replayed;
  IF replayed.short IS NOT NULL THEN
    RAISE EXCEPTION 'insufficient stock' USING ERRCODE = 'SR409',
      DETAIL = jsonb_build_object('index', (replayed.short->>'n')::int, 'available', (replayed.short->>'available')::int,
        'requested', (replayed.short->>'quantity')::int)::text;
  END IF;

  RETURN jsonb_build_object('movements', movements, 'levels', replayed.levels, 'units', units);
END;
$$;

-- Whether a posting can go set-based: every line plain (no serials, no count's expected quantity) and saying
-- what its ends are and what the answer shows.
CREATE OR REPLACE FUNCTION stockroom_posts_lines_together(p jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(p->'lines') AS l(line)
    WHERE (jsonb_typeof(line->'serials') = 'array' AND jsonb_array_length(line->'serials') > 0)
       OR coalesce(line->'expectOnHand', 'null'::jsonb) <> 'null'::jsonb
       OR line->>'fromKeepsLevels' IS NULL OR line->>'toKeepsLevels' IS NULL OR line->>'toIsVirtual' IS NULL
       OR line->>'sku' IS NULL OR line->>'fromCode' IS NULL OR line->>'toCode' IS NULL)
$$;

-- A posting whose lines name new lots (`newLot`: number, expiry, manufacture date; set when `newLots` is):
-- each lot created once, race-free, and audited; the lines then carry its id.
CREATE OR REPLACE FUNCTION stockroom_posting_with_lots(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  actor jsonb := p->'actor';
  lines jsonb := '[]';
  line jsonb;
  lot_id uuid;
BEGIN
  FOR line IN SELECT value FROM jsonb_array_elements(p->'lines') LOOP
    IF line ? 'newLot' AND (line->>'lotId') IS NULL THEN
      -- A concurrent posting creating the same lot holds its unique key: this insert waits, then finds its lot.
      lot_id := NULL;
      INSERT INTO "Lot" (id, "itemId", number, "expiresOn", "manufacturedOn", "createdAt")
      VALUES (gen_random_uuid(), (line->>'itemId')::uuid, line->'newLot'->>'number', (line->'newLot'->>'expiresOn')::date,
        (line->'newLot'->>'manufacturedOn')::date, now())
      ON CONFLICT ("itemId", number) DO NOTHING
      RETURNING id INTO lot_id;
      IF lot_id IS NULL THEN
        SELECT id INTO lot_id FROM "Lot" WHERE "itemId" = (line->>'itemId')::uuid AND number = line->'newLot'->>'number';
      ELSE
        INSERT INTO "AuditEntry" (at, "actorType", "actorId", "actorLabel", action, "entityType", "entityId", "siteId", after)
        VALUES (now(), actor->>'type', coalesce(actor->>'userId', actor->>'apiKeyId'), actor->>'label', 'lot.create', 'lot',
          lot_id::text, (p->>'siteId')::uuid, jsonb_build_object('sku', line->>'sku', 'number', line->'newLot'->>'number',
            'expiresOn', line->'newLot'->>'expiresOn', 'manufacturedOn', line->'newLot'->>'manufacturedOn', 'postingId', p->>'postingId'));
      END IF;
      line := jsonb_set(line - 'newLot', '{lotId}', to_jsonb(lot_id));
    END IF;
    lines := lines || jsonb_build_array(line);
  END LOOP;
  RETURN jsonb_set(p - 'newLots', '{lines}', lines);
END;
$$;

-- One posting, in one statement: see the top of this file.
CREATE OR REPLACE FUNCTION stockroom_post_posting(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  posting_id uuid := (p->>'postingId')::uuid;
  idem jsonb := p->'idempotency';
  actor jsonb := p->'actor';
  line jsonb;
  line_index int := -1;
  item uuid; from_loc uuid; to_loc uuid; lot uuid; quantity int;
  from_keeps boolean; to_keeps boolean; to_virtual boolean;
  sku text; from_code text; to_code text; lot_number text; lot_expires date;
  level_end text;
  movement record;
  serial_numbers text[];
  serials_answered jsonb;
  moved_serials int;
  current_on_hand int;
  available int;
  level_on_hand int; level_reserved int;
  previous record;
  units bigint := 0;
  -- Each line as the first pass resolved it, for the second.
  line_facts jsonb[] := '{}';
  facts jsonb;
  -- What the answer needs: movements in posting order, and every level write.
  movements jsonb[] := '{}';
  level_writes jsonb[] := '{}';
  levels jsonb;
  answer jsonb;
  posted jsonb;
  movements_answer jsonb;
  movement_count int;
  together boolean := false;
  valuations jsonb;
BEGIN
  IF idem IS NOT NULL AND idem <> 'null'::jsonb THEN
    -- A twin request still in flight holds this key's row lock: this insert waits for it, then sees its answer.
    -- A record past the keys' time to live answers nothing any more: the key is claimed afresh.
    INSERT INTO "IdempotencyRecord" ("actorKey", "key", "method", "path", "requestHash", "status", "createdAt")
    VALUES (idem->>'actorKey', idem->>'key', idem->>'method', idem->>'path', idem->>'hash', 0, now())
    ON CONFLICT ("actorKey", "key") DO UPDATE
      SET "method" = EXCLUDED."method", "path" = EXCLUDED."path", "requestHash" = EXCLUDED."requestHash", "status" = 0,
          "responseBody" = NULL, "createdAt" = now()
      WHERE "IdempotencyRecord"."createdAt" < now() - make_interval(days => coalesce((idem->>'ttlDays')::int, 7));
    IF NOT FOUND THEN
      SELECT "requestHash", "status", "responseBody" INTO previous FROM "IdempotencyRecord"
        WHERE "actorKey" = idem->>'actorKey' AND "key" = idem->>'key';
      IF previous."requestHash" <> idem->>'hash' THEN
        RAISE EXCEPTION 'idempotency key reused' USING ERRCODE = 'SR422';
      END IF;
      RETURN jsonb_build_object('replayed', true, 'status', previous."status", 'answer', previous."responseBody");
    END IF;
  END IF;

  -- A posting dated into the past may not land in a closed month (lib/valuation/valuation-function.sql).
  IF p->>'occurredAt' IS NOT NULL THEN PERFORM stockroom_check_occurred_at((p->>'occurredAt')::timestamptz::timestamp(3)); END IF;

  -- New lots come into being here, in the posting's transaction: a refused posting leaves none behind, and two
  -- receipts of the same new lot at once both post into the one lot the first of them created.
  IF p ? 'newLots' THEN p := stockroom_posting_with_lots(p); END IF;

  -- Large postings of plain lines go set-based; the rest line by line, as before.
  IF jsonb_array_length(p->'lines') >= 8 THEN together := stockroom_posts_lines_together(p); END IF;
  IF together THEN
    posted := stockroom_post_lines_together(p);
    movements_answer := posted->'movements';
    levels := posted->'levels';
    units := (posted->>'units')::bigint;
  ELSE
    -- First pass: append the movements and move the serials. No stock level is locked yet: concurrent postings
    -- of the same stock wait for one another only while the second pass and the commit run, which is what lets
    -- large batches on the same SKUs follow each other quickly.
    FOR line IN SELECT value FROM jsonb_array_elements(p->'lines') LOOP
      line_index := line_index + 1;
      item := (line->>'itemId')::uuid;
      from_loc := (line->>'fromLocationId')::uuid;
      to_loc := (line->>'toLocationId')::uuid;
      lot := (line->>'lotId')::uuid;
      quantity := (line->>'quantity')::int;
      -- What kind of locations the ends are, the caller knows already (it resolved them); ask only if it did not say.
      IF line ? 'fromKeepsLevels' THEN
        from_keeps := (line->>'fromKeepsLevels')::boolean;
        to_keeps := (line->>'toKeepsLevels')::boolean;
        to_virtual := (line->>'toIsVirtual')::boolean;
      ELSE
        SELECT stockroom_keeps_levels(type) INTO from_keeps FROM "Location" WHERE id = from_loc;
        SELECT stockroom_keeps_levels(type), "isVirtual" INTO to_keeps, to_virtual FROM "Location" WHERE id = to_loc;
      END IF;
      sku := line->>'sku';
      IF sku IS NULL THEN SELECT i.sku INTO sku FROM "Item" i WHERE i.id = item; END IF;
      from_code := line->>'fromCode';
      IF from_code IS NULL THEN SELECT code INTO from_code FROM "Location" WHERE id = from_loc; END IF;
      to_code := line->>'toCode';
      IF to_code IS NULL THEN SELECT code INTO to_code FROM "Location" WHERE id = to_loc; END IF;
      lot_number := NULL; lot_expires := NULL;
      IF lot IS NOT NULL THEN SELECT number, "expiresOn" INTO lot_number, lot_expires FROM "Lot" WHERE id = lot; END IF;

      INSERT INTO "StockMovement" ("postingId", kind, "itemId", quantity, "fromLocationId", "toLocationId", "lotId",
        "unitCost", currency, "reasonCode", note, reference, "actorUserId", "actorApiKeyId", "actorLabel", at,
        "occurredAt", "idempotencyKey", "reversesId")
      VALUES (posting_id, (line->>'kind')::"MovementKind", item, quantity, from_loc, to_loc, lot,
        (line->>'unitCost')::numeric, line->>'currency', line->>'reasonCode', line->>'note', line->>'reference',
        (actor->>'userId')::uuid, (actor->>'apiKeyId')::uuid, actor->>'label', now(),
        coalesce((p->>'occurredAt')::timestamptz::timestamp(3), now()), idem->>'key', (line->>'reversesId')::bigint)
      RETURNING id, kind, "unitCost", currency, "reasonCode", note, reference, "actorLabel", at, "occurredAt", "reversesId" INTO movement;
      units := units + quantity;

      -- (Only serial lines pay for a query here: an expression holding a subquery is a query of its own.)
      serials_answered := '[]';
      IF jsonb_typeof(line->'serials') = 'array' AND jsonb_array_length(line->'serials') > 0 THEN
        serial_numbers := ARRAY(SELECT jsonb_array_elements_text(line->'serials'));
        serials_answered := (SELECT jsonb_agg(s ORDER BY s) FROM unnest(serial_numbers) s);
        IF line->>'kind' = 'receive' THEN
          -- New serials come into being; known ones may come back only from outside the physical stock.
          INSERT INTO "Serial" (id, "itemId", serial, "lotId", "locationId", "createdAt")
          SELECT gen_random_uuid(), item, s, lot, to_loc, now() FROM unnest(serial_numbers) s
          ON CONFLICT ("itemId", serial) DO UPDATE SET "locationId" = EXCLUDED."locationId"
            WHERE "Serial"."locationId" IS NULL
               OR "Serial"."locationId" IN (SELECT id FROM "Location" WHERE NOT stockroom_keeps_levels(type));
        ELSE
          UPDATE "Serial" SET "locationId" = to_loc
            WHERE "itemId" = item AND serial = ANY (serial_numbers) AND "locationId" = from_loc;
        END IF;
        GET DIAGNOSTICS moved_serials = ROW_COUNT;
        IF moved_serials <> cardinality(serial_numbers) THEN
          RAISE EXCEPTION 'serial not at source' USING ERRCODE = 'SR410',
            DETAIL = jsonb_build_object('index', line_index, 'serials', to_jsonb(serial_numbers))::text;
        END IF;
        INSERT INTO "MovementSerial" ("movementId", "serialId")
          SELECT movement.id, id FROM "Serial" WHERE "itemId" = item AND serial = ANY (serial_numbers);
      END IF;

      movements := array_append(movements, jsonb_build_object(
        'id', movement.id::text, 'kind', movement.kind, 'sku', sku, 'quantity', quantity, 'from', from_code, 'to', to_code,
        'lot', lot_number, 'expiresOn', lot_expires, 'unitCost', movement."unitCost"::text, 'currency', movement.currency,
        'reason', movement."reasonCode", 'note', movement.note, 'reference', movement.reference, 'actor', movement."actorLabel",
        'at', to_char(movement.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'occurredAt', to_char(movement."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'reverses', movement."reversesId"::text,
        'serials', serials_answered));
      line_facts := array_append(line_facts, jsonb_build_object('item', item, 'from', from_loc, 'to', to_loc, 'lot', lot,
        'quantity', quantity, 'fromKeeps', from_keeps, 'toKeeps', to_keeps, 'toVirtual', to_virtual, 'sku', sku,
        'fromCode', from_code, 'toCode', to_code, 'lotNumber', lot_number,
        'expectOnHand', line->'expectOnHand', 'countedLocationId', line->'countedLocationId'));
    END LOOP;

    -- Second pass: the levels, line by line in posting order (the caller's lock order).
    line_index := -1;
    FOREACH facts IN ARRAY line_facts LOOP
      line_index := line_index + 1;
      item := (facts->>'item')::uuid; from_loc := (facts->>'from')::uuid; to_loc := (facts->>'to')::uuid;
      lot := (facts->>'lot')::uuid; quantity := (facts->>'quantity')::int;
      from_keeps := (facts->>'fromKeeps')::boolean; to_keeps := (facts->>'toKeeps')::boolean;
      to_virtual := (facts->>'toVirtual')::boolean;

      IF facts->'expectOnHand' <> 'null'::jsonb THEN
        -- A count sets a bin to what was counted: the difference posted is only right if nothing moved since.
        SELECT on_hand INTO current_on_hand FROM stockroom_level_of(item, (facts->>'countedLocationId')::uuid, lot, true);
        IF coalesce(current_on_hand, 0) <> (facts->>'expectOnHand')::int THEN
          RAISE EXCEPTION 'count changed' USING ERRCODE = 'SR411',
            DETAIL = jsonb_build_object('index', line_index, 'expected', (facts->>'expectOnHand')::int, 'actual', coalesce(current_on_hand, 0))::text;
        END IF;
      END IF;

      -- Two levels change: touch them in location-id order, so opposite moves between two bins cannot deadlock.
      FOREACH level_end IN ARRAY CASE WHEN to_loc < from_loc THEN '{to,from}'::text[] ELSE '{from,to}'::text[] END LOOP
        IF level_end = 'to' AND to_keeps THEN
          INSERT INTO "StockLevel" AS l (id, "itemId", "locationId", "lotId", "isVirtual", "onHand", "reserved", "updatedAt")
          VALUES (gen_random_uuid(), item, to_loc, lot, to_virtual, quantity, 0, now())
          ON CONFLICT ("itemId", "locationId", "lotId") DO UPDATE SET "onHand" = l."onHand" + EXCLUDED."onHand", "updatedAt" = now()
          RETURNING l."onHand", l."reserved" INTO level_on_hand, level_reserved;
        ELSIF level_end = 'from' AND from_keeps THEN
          -- Takes stock out only if enough is available (on hand minus reserved); no row back means nothing changed.
          -- Two statements, since "lotId" IS NOT DISTINCT FROM cannot use the level's unique index.
          IF lot IS NULL THEN
            UPDATE "StockLevel" l SET "onHand" = l."onHand" - quantity, "updatedAt" = now()
              WHERE l."itemId" = item AND l."locationId" = from_loc AND l."lotId" IS NULL AND l."onHand" - l."reserved" >= quantity
              RETURNING l."onHand", l."reserved" INTO level_on_hand, level_reserved;
          ELSE
            UPDATE "StockLevel" l SET "onHand" = l."onHand" - quantity, "updatedAt" = now()
              WHERE l."itemId" = item AND l."locationId" = from_loc AND l."lotId" = lot AND l."onHand" - l."reserved" >= quantity
              RETURNING l."onHand", l."reserved" INTO level_on_hand, level_reserved;
          END IF;
          IF NOT FOUND THEN
            SELECT coalesce(on_hand - reserved, 0) INTO available FROM stockroom_level_of(item, from_loc, lot, false);
            RAISE EXCEPTION 'insufficient stock' USING ERRCODE = 'SR409',
              DETAIL = jsonb_build_object('index', line_index, 'available', coalesce(available, 0), 'requested', quantity)::text;
          END IF;
        ELSE
          CONTINUE; -- a virtual end whose balance is a ledger sum: no level to touch
        END IF;
        level_writes := array_append(level_writes, jsonb_build_object('item', item, 'lot', lot, 'sku', facts->>'sku',
          'lotNumber', facts->>'lotNumber', 'onHand', level_on_hand, 'reserved', level_reserved,
          'location', CASE level_end WHEN 'to' THEN to_loc ELSE from_loc END,
          'code', CASE level_end WHEN 'to' THEN facts->>'toCode' ELSE facts->>'fromCode' END));
      END LOOP;
    END LOOP;

    -- Each level as last written, ordered as the API answers levels: by location code, lot, then SKU.
    SELECT coalesce(jsonb_agg(jsonb_build_object('sku', w->>'sku', 'location', w->>'code', 'lot', w->>'lotNumber',
             'onHand', (w->>'onHand')::int, 'reserved', (w->>'reserved')::int, 'available', (w->>'onHand')::int - (w->>'reserved')::int)
             ORDER BY w->>'code', w->>'lotNumber', w->>'sku'), '[]'::jsonb)
      INTO levels
      FROM (SELECT DISTINCT ON (u.w->>'item', u.w->>'location', u.w->>'lot') u.w
              FROM unnest(level_writes) WITH ORDINALITY AS u(w, written)
             ORDER BY u.w->>'item', u.w->>'location', u.w->>'lot', u.written DESC) last_writes(w);
    movements_answer := to_jsonb(movements);
  END IF;

  -- What the movements that crossed a site's stock boundary were worth, valued now that the levels are locked.
  valuations := stockroom_value_posting(posting_id);
  SELECT coalesce(jsonb_agg(e.m || jsonb_build_object('valuation', valuations->(e.m->>'id')) ORDER BY e.ord), '[]')
    INTO movements_answer FROM jsonb_array_elements(movements_answer) WITH ORDINALITY AS e(m, ord);
  answer := jsonb_build_object('postingId', posting_id, 'movements', movements_answer, 'levels', levels);
  movement_count := jsonb_array_length(movements_answer);

  -- The audit entry keeps a large batch's summary; its movements are in the ledger under the same posting id.
  INSERT INTO "AuditEntry" (at, "actorType", "actorId", "actorLabel", action, "entityType", "entityId", "siteId", after)
  VALUES (now(), actor->>'type', coalesce(actor->>'userId', actor->>'apiKeyId'), actor->>'label', p->>'action',
    'posting', posting_id::text, (p->>'siteId')::uuid,
    CASE WHEN movement_count <= 50 THEN answer
         ELSE jsonb_build_object('postingId', posting_id, 'movements', movement_count, 'units', units) END);
  INSERT INTO "OutboxEvent" (type, "siteId", "aggregateId", payload, "createdAt")
  VALUES ('stock.moved', (p->>'siteId')::uuid, posting_id::text, answer, now());

  IF idem IS NOT NULL AND idem <> 'null'::jsonb THEN
    UPDATE "IdempotencyRecord" SET status = 201, "responseBody" = answer
      WHERE "actorKey" = idem->>'actorKey' AND "key" = idem->>'key';
  END IF;
  RETURN jsonb_build_object('replayed', false, 'status', 201, 'answer', answer);
END;
$$;

-- Postings of concurrent requests, posted in one transaction (lib/ledger/posting-function.ts groups them), each
-- in a subtransaction of its own, so one refused or failed rolls back alone; its error comes back in its place,
-- with PostgreSQL's SQLSTATE and DETAIL. Callers keep groups under 64 postings (PostgreSQL's per-backend cache of
-- subtransactions).
CREATE OR REPLACE FUNCTION stockroom_post_postings(postings jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  posting jsonb;
  results jsonb[] := '{}';
  failed_state text;
  failed_message text;
  failed_detail text;
BEGIN
  FOR posting IN SELECT value FROM jsonb_array_elements(postings) LOOP
    BEGIN
      results := array_append(results, jsonb_build_object('result', stockroom_post_posting(posting)));
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT, failed_detail = PG_EXCEPTION_DETAIL;
      results := array_append(results, jsonb_build_object('error',
        jsonb_build_object('code', failed_state, 'message', failed_message, 'detail', nullif(failed_detail, ''))));
    END;
  END LOOP;
  RETURN to_jsonb(results);
END;
$$;

-- Stock on hand before valuation began: one layer per item × site at the last price paid for it (the standard
-- cost under that method; 0 when it was never received with a cost), entered as an opening revaluation.
WITH stock AS (
  SELECT s."itemId", l."siteId", sum(s."onHand")::int AS quantity
    FROM "StockLevel" s JOIN "Location" l ON l.id = s."locationId"
   WHERE stockroom_keeps_levels(l.type) AND s."onHand" > 0
   GROUP BY s."itemId", l."siteId"
), costed AS (
  SELECT st."itemId", st."siteId", st.quantity, c.method, c.standard_cost,
    coalesce(c.standard_cost, (SELECT m."unitCost" FROM "StockMovement" m JOIN "Location" f ON f.id = m."fromLocationId"
      WHERE m."itemId" = st."itemId" AND f.type = 'supplier' AND m."unitCost" IS NOT NULL ORDER BY m.id DESC LIMIT 1), 0) AS unit_cost
    FROM stock st CROSS JOIN LATERAL stockroom_costing_of(st."itemId") c
), states AS (
  INSERT INTO "CostState" ("itemId", "siteId", method, "standardCost", quantity, value, "lastUnitCost", "updatedAt")
  SELECT "itemId", "siteId", method, standard_cost, quantity, quantity * unit_cost, unit_cost, now() FROM costed
), layers AS (
  INSERT INTO "CostLayer" (id, "itemId", "siteId", "receivedAt", "receivedQuantity", quantity, value)
  SELECT gen_random_uuid(), "itemId", "siteId", now(), quantity, quantity, CASE WHEN method = 'average' THEN 0 ELSE quantity * unit_cost END FROM costed
)
INSERT INTO "CostRevaluation" (id, "itemId", "siteId", "occurredAt", amount, quantity, "fromMethod", "toMethod", "fromStandardCost", "toStandardCost", note)
SELECT gen_random_uuid(), "itemId", "siteId", now(), quantity * unit_cost, quantity, method, method, standard_cost, standard_cost,
  'Opening value: stock on hand when valuation began'
  FROM costed;
