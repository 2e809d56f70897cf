-- DropIndex
DROP INDEX "MovementValue_itemId_siteId_occurredAt_idx";

-- DropIndex
DROP INDEX "MovementValue_siteId_occurredAt_idx";

-- DropIndex
DROP INDEX "MovementLayer_layerId_idx";

-- AlterTable
ALTER TABLE "CostLayer" ADD COLUMN     "isOpen" BOOLEAN NOT NULL DEFAULT true;

-- ---- Written by hand ----
-- FIFO's open layers by a flag that changes only when a layer empties, so a take updates the layer in place.
UPDATE "CostLayer" SET "isOpen" = quantity > 0;
DROP INDEX "CostLayer_open_idx";
CREATE INDEX "CostLayer_open_idx" ON "CostLayer" ("itemId", "siteId", "receivedAt", "movementId", id) WHERE "isOpen";

-- A posting values its movements with a lock less and fewer index entries: the cost state is read, and locked only where a value is
-- computed from it (lib/valuation/valuation-function.sql as of this migration, the functions that changed).
DROP FUNCTION stockroom_cost_state(uuid, uuid);

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
    INSERT INTO "CostState" ("itemId", "siteId", method, "standardCost", quantity, value, "updatedAt")
      SELECT p_item, p_site, c.method, c.standard_cost, 0, 0, now() FROM stockroom_costing_of(p_item) c
      ON CONFLICT ("itemId", "siteId") DO NOTHING;
    SELECT * INTO state FROM "CostState" WHERE "itemId" = p_item AND "siteId" = p_site FOR UPDATE;
  END IF;
  RETURN state;
END;
$$;

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
  IF p_from_keeps AND p_to_keeps AND p_to_site < p_from_site THEN in_state := stockroom_cost_state(p_item, p_to_site, false); END IF;
  IF p_from_keeps THEN
    out_state := stockroom_cost_state(p_item, p_from_site, false);
    -- An average issue computes from the state's value and quantity: those must hold until it writes.
    IF out_state.method = 'average' THEN out_state := stockroom_cost_state(p_item, p_from_site, true); END IF;
  END IF;
  IF p_to_keeps AND in_state IS NULL THEN in_state := stockroom_cost_state(p_item, p_to_site, p_unit_cost IS NULL AND NOT p_from_keeps); END IF;

  IF p_from_keeps THEN
    IF p_reverses IS NOT NULL AND NOT p_to_keeps THEN
      -- Reversing what came in: from the layer it made first, at exactly its value while that is whole.
      SELECT ml."layerId" INTO first_layer FROM "MovementLayer" ml WHERE ml."movementId" = p_reverses AND ml.quantity > 0 LIMIT 1;
      SELECT v.value INTO exact FROM "MovementValue" v WHERE v."movementId" = p_reverses AND v."siteId" = p_from_site;
    END IF;
    taken := stockroom_cost_take(p_id, out_state, p_quantity, first_layer, exact);
    WITH state AS (
      UPDATE "CostState" SET quantity = quantity - p_quantity, value = value - taken, "updatedAt" = now()
       WHERE "itemId" = p_item AND "siteId" = p_from_site
    )
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
      WHERE l."itemId" = state."itemId" AND l."siteId" = state."siteId" AND l."isOpen"
      ORDER BY (l.id IS NOT DISTINCT FROM p_first) DESC, l."receivedAt", l."movementId", l.id FOR UPDATE LOOP
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

-- lib/ledger/posting-function.sql: one movement's answer takes its valuation without a query
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
  IF jsonb_array_length(movements_answer) = 1 THEN
    -- One movement (most postings): an expression, not a query.
    movements_answer := jsonb_build_array(movements_answer->0 || jsonb_build_object('valuation', valuations->(movements_answer->0->>'id')));
  ELSE
    SELECT coalesce(jsonb_agg(e.m || jsonb_build_object('valuation', valuations->(e.m->>'id')) ORDER BY e.ord), '[]')
      INTO movements_answer FROM jsonb_array_elements(movements_answer) WITH ORDINALITY AS e(m, ord);
  END IF;
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
