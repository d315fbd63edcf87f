import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "~/lib/session";
import { HydrateClient, api } from "~/trpc/server";
import { AddressBook } from "./address-book";
import { EmailStatus } from "./email-status";
import { Notifications } from "./notifications";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const session = await requireSession("/account");
  // Awaited: the page is server-rendered with its data (a pending prefetch would hydrate differently).
  await Promise.all([api.user.me.prefetch(), api.address.list.prefetch(), api.notification.list.prefetch()]);
  return (
    <HydrateClient>
      <div className="stack">
        <h1>Your account</h1>
        <p className="muted">
          Signed in as {session.user.email}. <Link href="/orders">See your orders</Link> · <Link href="/wishlist">Your wishlist</Link>
        </p>
        <EmailStatus />
        <div className="account-grid">
          <section className="card stack" aria-labelledby="profile-heading">
            <h2 id="profile-heading">Profile</h2>
            <ProfileForm />
          </section>
          <section className="card stack" aria-labelledby="password-heading">
            <h2 id="password-heading">Change password</h2>
            <PasswordForm />
          </section>
        </div>
        <section className="card stack" aria-labelledby="addresses-heading">
          <h2 id="addresses-heading">Addresses</h2>
          <AddressBook />
        </section>
        <section className="card stack" aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">Notifications</h2>
          <Notifications />
        </section>
      </div>
    </HydrateClient>
  );
}
