-- Down migration for 20261220050000_mail_outbox: the outbox columns go; a row caught
-- SENDING counts as FAILED (PostgreSQL cannot drop an enum value, so the type is rebuilt).
UPDATE "Notification" SET "emailStatus" = 'FAILED' WHERE "emailStatus" = 'SENDING';
ALTER TABLE "Notification" DROP COLUMN "emailClaimedAt",
DROP COLUMN "emailError",
DROP COLUMN "emailNextAttemptAt";
ALTER TYPE "EmailStatus" RENAME TO "EmailStatus_old";
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');
ALTER TABLE "Notification" ALTER COLUMN "emailStatus" TYPE "EmailStatus" USING "emailStatus"::text::"EmailStatus";
DROP TYPE "EmailStatus_old";
