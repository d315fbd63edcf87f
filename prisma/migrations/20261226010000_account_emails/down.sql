-- Down migration for 20261226010000_account_emails: the account notifications go (their
-- links die with the tokens), and the type is rebuilt without their values (PostgreSQL
-- cannot drop an enum value).
DROP INDEX "VerificationToken_token_key";
DELETE FROM "VerificationToken" WHERE "identifier" LIKE 'password-reset:%' OR "identifier" LIKE 'verify-email:%';
DELETE FROM "Notification" WHERE "type" IN ('PASSWORD_RESET', 'PASSWORD_CHANGED', 'EMAIL_VERIFICATION');
ALTER TYPE "NotificationType" RENAME TO "NotificationType_old";
CREATE TYPE "NotificationType" AS ENUM ('ORDER_PLACED', 'ORDER_STATUS_CHANGED', 'PAYMENT_RECEIVED', 'REVIEW_MODERATED', 'LOW_STOCK', 'SYSTEM');
ALTER TABLE "Notification" ALTER COLUMN "type" TYPE "NotificationType" USING "type"::text::"NotificationType";
DROP TYPE "NotificationType_old";
