-- A paid reservation's SALE row in the ledger is dated when the reservation was
-- settled (the API's clock, which the seed sets to place history in the past), not
-- when the statement ran; rows without a settle time keep now().
CREATE OR REPLACE FUNCTION shop_apply_reservation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" <> 'HELD' THEN
      RAISE EXCEPTION 'A stock reservation starts HELD' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    INSERT INTO "Inventory" ("variantId", "updatedAt") VALUES (NEW."variantId", now())
    ON CONFLICT ("variantId") DO NOTHING;
    -- The reserved <= onHand check refuses a hold on stock that is not there.
    UPDATE "Inventory" SET "reserved" = "reserved" + NEW."quantity", "updatedAt" = now()
     WHERE "variantId" = NEW."variantId";
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."status" = 'HELD' THEN
      UPDATE "Inventory" SET "reserved" = "reserved" - OLD."quantity", "updatedAt" = now()
       WHERE "variantId" = OLD."variantId";
    END IF;
  ELSE
    IF NEW."orderId" <> OLD."orderId" OR NEW."variantId" <> OLD."variantId" OR NEW."quantity" <> OLD."quantity"
       OR (NEW."status" <> OLD."status" AND (OLD."status" <> 'HELD' OR NEW."status" = 'HELD')) THEN
      RAISE EXCEPTION 'A stock reservation only moves from HELD to CONVERTED or RELEASED, once'
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD."status" = 'HELD' AND NEW."status" <> 'HELD' THEN
      UPDATE "Inventory" SET "reserved" = "reserved" - OLD."quantity", "updatedAt" = now()
       WHERE "variantId" = OLD."variantId";
      IF NEW."status" = 'CONVERTED' THEN
        INSERT INTO "InventoryTransaction" ("variantId", "delta", "reason", "orderId", "note", "createdAt")
        VALUES (NEW."variantId", -NEW."quantity", 'SALE', NEW."orderId", 'paid: reservation converted', COALESCE(NEW."settledAt", now()));
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $$;
