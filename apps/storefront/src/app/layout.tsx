import "@shop/web/styles.css";
import { SignOutForm } from "@shop/web/ui";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { auth, signOut } from "~/auth";
import { CartLink } from "~/components/cart-link";
import { HeaderMenu } from "~/components/header-menu";
import { HeaderSearch } from "~/components/header-search";
import { siteUrl, storeInfo } from "~/lib/seo";
import { TRPCReactProvider } from "~/trpc/react";
import { api } from "~/trpc/server";

/** Every page's defaults: titles end with the store's name (the store.name setting); links resolve against STOREFRONT_URL. */
export async function generateMetadata(): Promise<Metadata> {
  const { name } = await storeInfo();
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: name, template: `%s · ${name}` },
    description: `${name}: shop online and have it shipped to your door.`,
    openGraph: { type: "website", siteName: name },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [session, store] = await Promise.all([auth(), api.store.info()]);
  return (
    <html lang="en">
      <body className="storefront">
        <TRPCReactProvider>
          <header className="site-header">
            <div className="site-header-inner">
              <Link href="/" className="brand">
                {store.name}
              </Link>
              <HeaderMenu>
                <nav className="nav" aria-label="Main">
                  <Link href="/categories">Categories</Link>
                  <Link href="/search">Search</Link>
                </nav>
                <span className="nav-spacer" />
                <HeaderSearch />
                <nav className="nav" aria-label="Account">
                  <Link href="/wishlist">Wishlist</Link>
                  {session?.user ? (
                    <>
                      <Link href="/orders">Orders</Link>
                      <Link href="/account">Account</Link>
                      <SignOutForm
                        className="button-link"
                        signOut={async () => {
                          "use server";
                          await signOut({ redirectTo: "/" });
                        }}
                      />
                    </>
                  ) : (
                    <>
                      <Link href="/sign-in">Sign in</Link>
                      <Link href="/sign-up">Sign up</Link>
                    </>
                  )}
                </nav>
              </HeaderMenu>
              <CartLink viewer={session?.user?.id ?? null} />
            </div>
          </header>
          <main className="page">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
