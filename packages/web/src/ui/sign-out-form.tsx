/**
 * Both apps' "Sign out": a form posting to the app's own server action (each app signs
 * out of its own Auth.js instance and says where to land), so it works before any
 * client JavaScript has loaded.
 */
export function SignOutForm({ signOut, className }: { signOut: () => Promise<void>; className: string }) {
  return (
    <form action={signOut}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
