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
