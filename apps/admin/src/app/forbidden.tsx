import { SignOutButton } from "./sign-out-button";

/** What a signed-in account without the ADMIN or STAFF role gets from every staff page (HTTP 403). */
export default function Forbidden() {
  return (
    <main className="page">
      <div className="card stack" style={{ maxWidth: 560, margin: "3rem auto" }}>
        <h1>Not allowed</h1>
        <p className="notice notice-danger" role="alert">
          The admin app is for shop staff only. The account you are signed in with does not have the ADMIN or STAFF role.
        </p>
        <SignOutButton />
      </div>
    </main>
  );
}
