import { describe, expect, it } from "vitest";
import { renderMail } from "./templates";

const brand = { storeName: "Fern & Field", storefrontUrl: "https://shop.example" };
const order = { id: "ord_1", number: 1042, total: "$58.00", lines: [{ name: 'Linen <script>alert("x")</script> Shirt', quantity: 2, lineTotal: "$58.00" }] };

describe("mail templates", () => {
  it("render HTML and text from the same words, with the shop's name and a link to the order", async () => {
    const mail = await renderMail({ kind: "order-shipped", order }, brand);
    expect(mail.subject).toBe("Order #1042 has shipped");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Your order is on its way");
      expect(part).toContain("https://shop.example/orders/ord_1");
      expect(part).toContain("$58.00");
    }
    expect(mail.html).toContain("Fern &amp; Field");
    expect(mail.text.split("\n")[0]).toBe("Fern & Field");
    // MJML's output: table layout with inline styles, in the shop's accent colour.
    expect(mail.html).toMatch(/<table[^>]*role="presentation"/);
    expect(mail.html).toContain("#0a6c5a");
  });

  it("escape what staff typed (product names) in the HTML", async () => {
    const mail = await renderMail({ kind: "order-placed", order }, brand);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Linen &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Shirt");
  });

  it("say what happened for each kind", async () => {
    const subjects = await Promise.all(
      [
        { kind: "order-placed" as const, order },
        { kind: "order-paid" as const, order, amount: "$58.00" },
        { kind: "order-cancelled" as const, order },
        { kind: "order-expired" as const, order },
        { kind: "order-refunded" as const, order, amount: "$10.00" },
        { kind: "order-status" as const, order, status: "delivered" },
      ].map(async (content) => (await renderMail(content, brand)).subject),
    );
    expect(subjects).toEqual(["Order #1042 placed", "Order #1042 is paid", "Order #1042 is cancelled", "Order #1042 expired", "Refund for order #1042", "Order #1042 is delivered"]);
  });

  it("write account mails with their link as the button and in the text, and no order table", async () => {
    const url = "https://shop.example/reset-password?token=abc_DEF-123";
    const reset = await renderMail({ kind: "password-reset", url, minutes: 30 }, brand);
    expect(reset.subject).toBe("Reset your Fern & Field password");
    expect(reset.text).toContain(`Choose a new password: ${url}`);
    expect(reset.text).toContain("30 minutes");
    expect(reset.html).toContain(`href="${url}"`);
    expect(reset.html).not.toContain("Total");
    expect(reset.text).toContain("If you did not ask for this, ignore this e-mail");

    const changed = await renderMail({ kind: "password-changed" }, brand);
    expect(changed.text).toContain("Reset your password: https://shop.example/forgot-password");
    const verify = await renderMail({ kind: "email-verification", url: "https://shop.example/verify-email?token=x", hours: 48 }, brand);
    expect(verify.subject).toBe("Confirm your e-mail address for Fern & Field");
    expect(verify.text).toContain("48 hours");
  });
});
