-- ── Account e-mails: password reset, password changed, e-mail verification ──
-- Their notifications go through the outbox like order mail. A link's token is minted by
-- the worker as it sends (so no secret waits in the outbox) and kept only as its SHA-256
-- in VerificationToken, where it is found by the hash alone.

-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'PASSWORD_RESET';
ALTER TYPE "NotificationType" ADD VALUE 'PASSWORD_CHANGED';
ALTER TYPE "NotificationType" ADD VALUE 'EMAIL_VERIFICATION';

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");
