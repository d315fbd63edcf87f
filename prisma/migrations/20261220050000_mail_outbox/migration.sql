-- ── The e-mail outbox: Notification rows with emailStatus become e-mails ──
-- The worker (packages/mail) claims a PENDING row by moving it to SENDING, sends it, then
-- marks it SENT; a failed attempt goes back to PENDING with a later emailNextAttemptAt, and
-- after the last attempt to FAILED with emailError. A row left SENDING (the worker stopped
-- between the send and the mark) is never sent again, so no one gets an e-mail twice.

-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'SENDING' BEFORE 'SENT';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailClaimedAt" TIMESTAMP(3),
ADD COLUMN     "emailError" TEXT,
ADD COLUMN     "emailNextAttemptAt" TIMESTAMP(3);
