import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startTestSmtpServer, tokenLink, type TestSmtpServer } from "../packages/mail/src/testing";
import { signIn, signUp } from "./support/browser";
import { useShop } from "./support/shop";

// Account e-mails end to end: the storefront's forms, the worker's outbox delivering
// through SMTP to a real SMTP server, and the links in what arrives, in the browser.

type ParsedMail = TestSmtpServer["messages"][number];
let smtp: TestSmtpServer | undefined;
afterAll(() => smtp?.close());

/** The first mail to `to` with `subject`, waited for (the worker sends it after the request commits). */
async function mailTo(to: string, subject: RegExp): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(() => (found = smtp!.to(to).find((mail) => subject.test(mail.subject ?? ""))), { timeout: 30_000, interval: 200 })
    .toBeDefined();
  return found!;
}

describe("account recovery by e-mail", () => {
  const shop = useShop({
    env: async () => {
      smtp = await startTestSmtpServer();
      return { SMTP_URL: smtp.url };
    },
  });

  it("confirms a new customer's address, resets a forgotten password, and signs out the session that had the old one", async () => {
    const email = `recover-${randomUUID()}@example.test`;
    const oldPassword = "first-password-123";
    const newPassword = "second-password-456";

    // Sign-up leaves this browser signed in, and mails a confirmation link.
    const phone = await shop.page();
    await signUp(phone, shop.apps.storefront, { name: "Robin", email, password: oldPassword });
    await phone.waitForURL(`${shop.apps.storefront}/`);
    await phone.goto(`${shop.apps.storefront}/account`);
    await expect(phone.getByText("Your e-mail address is not confirmed yet").waitFor()).resolves.toBeUndefined();
    const confirmation = tokenLink(await mailTo(email, /^Confirm your e-mail address/), "/verify-email")?.href;
    expect(confirmation).toBeDefined();
    await phone.goto(confirmation!);
    await expect(phone.getByRole("heading", { name: "Your e-mail address is confirmed" }).waitFor()).resolves.toBeUndefined();
    await phone.goto(`${shop.apps.storefront}/account`);
    await phone.getByRole("heading", { name: "Your account" }).waitFor();
    expect(await phone.getByText("Your e-mail address is not confirmed yet").count()).toBe(0);

    // On another device, the password is forgotten.
    const laptop = await shop.page();
    await laptop.goto(`${shop.apps.storefront}/sign-in`);
    await laptop.getByRole("link", { name: "Forgot your password?" }).click();
    await laptop.getByRole("heading", { name: "Forgot your password?" }).waitFor();
    await laptop.getByLabel("E-mail").fill(email);
    await laptop.getByRole("button", { name: "Send the link" }).click();
    await expect(laptop.getByRole("status").filter({ hasText: "a link to choose a new password is on its way" }).waitFor()).resolves.toBeUndefined();

    const reset = tokenLink(await mailTo(email, /^Reset your .* password$/), "/reset-password")?.href;
    expect(reset).toBeDefined();
    await laptop.goto(reset!);
    await laptop.getByLabel("New password", { exact: true }).fill(newPassword);
    await laptop.getByRole("button", { name: "Set new password" }).click();
    await expect(laptop.getByRole("status").filter({ hasText: "Your password is changed" }).waitFor()).resolves.toBeUndefined();
    await mailTo(email, /password was changed$/);

    // The link works once.
    await laptop.goto(reset!);
    await laptop.getByLabel("New password", { exact: true }).fill("third-password-789");
    await laptop.getByRole("button", { name: "Set new password" }).click();
    await expect(laptop.getByRole("alert").filter({ hasText: "expired or was already used" }).waitFor()).resolves.toBeUndefined();

    // The old password is refused, the new one signs in.
    await signIn(laptop, shop.apps.storefront, email, oldPassword);
    await expect(laptop.getByRole("alert").filter({ hasText: "do not match an account" }).waitFor()).resolves.toBeUndefined();
    await signIn(laptop, shop.apps.storefront, email, newPassword);
    await laptop.waitForURL(`${shop.apps.storefront}/`);

    // The phone's session was issued for the old password: its next visit is signed out.
    await phone.goto(`${shop.apps.storefront}/account`);
    await phone.waitForURL(/\/sign-in/);
  });

  it("keeps the device that changed the password signed in, and signs the others out", async () => {
    const email = `change-${randomUUID()}@example.test`;
    const here = await shop.page();
    await signUp(here, shop.apps.storefront, { name: "Sam", email, password: "before-change-123" });
    await here.waitForURL(`${shop.apps.storefront}/`);
    const elsewhere = await shop.signedIn("storefront", { email, password: "before-change-123" });

    await here.goto(`${shop.apps.storefront}/account`);
    await here.getByLabel("Current password").fill("before-change-123");
    await here.getByLabel("New password", { exact: true }).fill("after-change-456");
    await here.getByRole("button", { name: "Change password" }).click();
    await expect(here.getByRole("status").filter({ hasText: "Password changed" }).waitFor()).resolves.toBeUndefined();
    await mailTo(email, /password was changed$/);

    await expect.poll(async () => (await here.goto(`${shop.apps.storefront}/account`), here.url()), { timeout: 10_000 }).toBe(`${shop.apps.storefront}/account`);
    await elsewhere.goto(`${shop.apps.storefront}/account`);
    await elsewhere.waitForURL(/\/sign-in/);
  });
});
