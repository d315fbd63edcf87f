"use client";
import { FormError, QueryView } from "@shop/web/ui";
import { api } from "~/trpc/react";

/** Whether the account's address is confirmed, and the way to get a new link while it is not. */
export function EmailStatus() {
  const me = api.user.me.useQuery();
  const resend = api.auth.resendVerification.useMutation();
  return (
    <QueryView query={me}>
      {(user) =>
        user.emailVerified ? null : (
          <div className="stack" role="group" aria-label="E-mail confirmation">
            <p>
              Your e-mail address is not confirmed yet. Confirming it lets us help you back into your account if you forget your password; you can shop
              either way.
            </p>
            {resend.isSuccess ? <p role="status">{resend.data.sent ? "We sent you a new link." : "Your address is already confirmed."}</p> : null}
            <FormError error={resend.error} />
            <button type="button" className="button" disabled={resend.isPending} onClick={() => resend.mutate()}>
              Send the confirmation link again
            </button>
          </div>
        )
      }
    </QueryView>
  );
}
