-- ── Category tree: no cycles at any depth ────────────────────────────────
-- "Category_not_own_parent" only refuses a category that is its own parent. A move
-- (a new parentId) walks up from the new parent; reaching the moved category means it
-- would become its own ancestor, and the move is refused.
-- Two crossing moves (A under B, B under A) could each pass the walk if they ran
-- side by side, so every move first takes one transaction-level advisory lock: moves
-- run one after another, and under READ COMMITTED the second's walk (a new statement,
-- a new snapshot) sees the first once it commits. Moves are rare admin edits, so
-- serialising them costs nothing; inserts need no check (nothing is below a new row).
CREATE FUNCTION shop_category_no_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('Category.parentId'));
  IF EXISTS (
    WITH RECURSIVE ancestors(id) AS (
      SELECT NEW."parentId"
      UNION
      SELECT c."parentId" FROM "Category" c JOIN ancestors a ON c."id" = a.id WHERE c."parentId" IS NOT NULL
    )
    SELECT 1 FROM ancestors WHERE id = NEW."id"
  ) THEN
    RAISE EXCEPTION 'Category % cannot move under %: it would become its own ancestor', NEW."id", NEW."parentId"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER category_no_cycle BEFORE UPDATE OF "parentId" ON "Category"
  FOR EACH ROW WHEN (NEW."parentId" IS NOT NULL AND NEW."parentId" IS DISTINCT FROM OLD."parentId")
  EXECUTE FUNCTION shop_category_no_cycle();
