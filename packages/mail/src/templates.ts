import mjml2html from "mjml";

/** What every e-mail shares: the shop's name, where its storefront is, and its colours. */
export interface Brand {
  storeName: string;
  storefrontUrl: string;
}

// The storefront's palette (packages/web/src/styles.css), so a mail looks like the shop.
const colours = { accent: "#0a6c5a", accentText: "#ffffff", text: "#1d1d1f", muted: "#6b6b70", background: "#f7f7f5", border: "#e2e2e0" };

export interface OrderLine {
  name: string;
  quantity: number;
  /** Formatted for display, e.g. "$29.00". */
  lineTotal: string;
}

export interface OrderSummary {
  id: string;
  number: number;
  /** Formatted for display. */
  total: string;
  lines: OrderLine[];
}

/** Every e-mail the shop sends, with what each one needs. */
export type MailContent =
  | { kind: "order-placed"; order: OrderSummary }
  | { kind: "order-paid"; order: OrderSummary; amount: string }
  | { kind: "order-shipped"; order: OrderSummary }
  | { kind: "order-cancelled"; order: OrderSummary }
  | { kind: "order-expired"; order: OrderSummary }
  | { kind: "order-refunded"; order: OrderSummary; amount: string }
  | { kind: "order-status"; order: OrderSummary; status: string }
  /** `url` carries a single-use token; `minutes` is how long it works. */
  | { kind: "password-reset"; url: string; minutes: number }
  | { kind: "password-changed" }
  | { kind: "email-verification"; url: string; hours: number };

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => entities[char] ?? char);

/** One e-mail before layout: its words, the order it is about (if any) and the one button. */
interface Draft {
  subject: string;
  heading: string;
  paragraphs: string[];
  order?: OrderSummary;
  action: { label: string; url: string };
  /** Why the recipient gets it, in the footer. */
  reason: string;
}

function draft(content: MailContent, brand: Brand): Draft {
  const link = (path: string) => new URL(path, brand.storefrontUrl).href;
  const reason = `You receive this e-mail because you have an account at ${brand.storeName}.`;
  if (content.kind === "password-reset") {
    return {
      subject: `Reset your ${brand.storeName} password`,
      heading: "Choose a new password",
      paragraphs: [`Someone, probably you, asked to reset the password of your ${brand.storeName} account. The link works once, for ${content.minutes} minutes.`],
      action: { label: "Choose a new password", url: content.url },
      reason: "If you did not ask for this, ignore this e-mail: your password stays as it is.",
    };
  }
  if (content.kind === "password-changed") {
    return {
      subject: `Your ${brand.storeName} password was changed`,
      heading: "Your password was changed",
      paragraphs: ["The password of your account was just changed, and every other device was signed out.", "If that was not you, reset your password now and check your account."],
      action: { label: "Reset your password", url: link("/forgot-password") },
      reason,
    };
  }
  if (content.kind === "email-verification") {
    return {
      subject: `Confirm your e-mail address for ${brand.storeName}`,
      heading: "Confirm your e-mail address",
      paragraphs: [`Welcome to ${brand.storeName}. Confirm that this address is yours, so we can help you back into your account if you ever forget your password. The link works for ${content.hours} hours.`],
      action: { label: "Confirm my address", url: content.url },
      reason: `You receive this e-mail because this address was used to create an account at ${brand.storeName}. If that was not you, ignore it.`,
    };
  }
  const { order } = content;
  const { number } = order;
  const view = { label: "View your order", url: link(`/orders/${encodeURIComponent(order.id)}`) };
  const words = (subject: string, heading: string, paragraph: string): Draft => ({ subject, heading, paragraphs: [paragraph], order, action: view, reason });
  switch (content.kind) {
    case "order-placed":
      return words(`Order #${number} placed`, "Thank you for your order", `We have your order #${number} for ${order.total}. We will write again when your payment is received.`);
    case "order-paid":
      return words(`Order #${number} is paid`, "Payment received", `We received ${content.amount} for order #${number}. We are getting it ready.`);
    case "order-shipped":
      return words(`Order #${number} has shipped`, "Your order is on its way", `Order #${number} has left our warehouse.`);
    case "order-cancelled":
      return words(`Order #${number} is cancelled`, "Your order is cancelled", `Order #${number} was cancelled. Anything you paid is refunded to the card you used.`);
    case "order-expired":
      return words(`Order #${number} expired`, "Your order expired", `Order #${number} was not paid in time, so we released its items.`);
    case "order-refunded":
      return words(`Refund for order #${number}`, "Your refund is on its way", `We refunded ${content.amount} for order #${number}. Banks take a few days to show it.`);
    case "order-status":
      return words(`Order #${number} is ${content.status}`, `Your order is ${content.status}`, `Order #${number} is now ${content.status}.`);
  }
}

/**
 * One e-mail as HTML (MJML: tables and inline styles that mail clients render) and as plain
 * text, from the same words. Every value is escaped: product names come from staff input.
 */
export async function renderMail(content: MailContent, brand: Brand): Promise<RenderedMail> {
  const { subject, heading, paragraphs, order, action, reason } = draft(content, brand);
  const rows = order?.lines
    .map((line) => `<tr><td style="padding:4px 0">${escapeHtml(line.name)} × ${line.quantity}</td><td style="padding:4px 0;text-align:right">${escapeHtml(line.lineTotal)}</td></tr>`)
    .join("");
  const table = order
    ? `<mj-divider border-color="${colours.border}" border-width="1px" />
      <mj-table font-size="14px">${rows}<tr><td style="padding-top:8px;font-weight:700">Total</td><td style="padding-top:8px;text-align:right;font-weight:700">${escapeHtml(order.total)}</td></tr></mj-table>`
    : "";
  const { html, errors } = await mjml2html(
    `<mjml>
  <mj-head>
    <mj-title>${escapeHtml(subject)}</mj-title>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" color="${colours.text}" /></mj-attributes>
  </mj-head>
  <mj-body background-color="${colours.background}">
    <mj-section background-color="${colours.accent}"><mj-column>
      <mj-text color="${colours.accentText}" font-size="20px" font-weight="700">${escapeHtml(brand.storeName)}</mj-text>
    </mj-column></mj-section>
    <mj-section background-color="#ffffff"><mj-column>
      <mj-text font-size="22px" font-weight="700">${escapeHtml(heading)}</mj-text>
      ${paragraphs.map((paragraph) => `<mj-text font-size="15px" line-height="22px">${escapeHtml(paragraph)}</mj-text>`).join("\n      ")}
      ${table}
      <mj-button background-color="${colours.accent}" color="${colours.accentText}" href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</mj-button>
    </mj-column></mj-section>
    <mj-section><mj-column>
      <mj-text font-size="12px" color="${colours.muted}">${escapeHtml(reason)}</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`,
    { validationLevel: "strict" },
  );
  if (errors.length) throw new Error(`mail template ${content.kind}: ${errors.map((error) => error.formattedMessage).join("; ")}`);
  const text = [
    brand.storeName,
    "",
    heading,
    "",
    ...paragraphs,
    "",
    ...(order ? [...order.lines.map((line) => `${line.name} × ${line.quantity}  ${line.lineTotal}`), `Total  ${order.total}`, ""] : []),
    `${action.label}: ${action.url}`,
    "",
    reason,
  ].join("\n");
  return { subject, html, text };
}
