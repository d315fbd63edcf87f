import { SignOutForm } from "@shop/web/ui";
import { signOut } from "~/auth";

/** The admin's sign-out (the staff header and the forbidden page), back to its sign-in page. */
export function SignOutButton() {
  return (
    <SignOutForm
      className="button"
      signOut={async () => {
        "use server";
        await signOut({ redirectTo: "/sign-in" });
      }}
    />
  );
}
