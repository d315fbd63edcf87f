import { signOut } from "~/auth";

export function SignOutButton() {
  return (
    <form
      action={async () => {
        "use server";
        await signOut({ redirectTo: "/sign-in" });
      }}
    >
      <button type="submit" className="button">
        Sign out
      </button>
    </form>
  );
}
