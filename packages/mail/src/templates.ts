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
  | { kind: "order-status"; order: OrderSummary; status: string };

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => entities[char] ?? char);

/** The words of one e-mail, before layout: a subject, a heading and paragraphs. */
function words(content: MailContent): { subject: string; heading: string; paragraphs: string[] } {
  const { number } = content.order;
  switch (content.kind) {
    case "order-placed":
      return { subject: `Order #${number} placed`, heading: "Thank you for your order", paragraphs: [`We have your order #${number} for ${content.order.total}. We will write again when your payment is received.`] };
    case "order-paid":
      return { subject: `Order #${number} is paid`, heading: "Payment received", paragraphs: [`We received ${content.amount} for order #${number}. We are getting it ready.`] };
    case "order-shipped":
      return { subject: `Order #${number} has shipped`, heading: "Your order is on its way", paragraphs: [`Order #${number} has left our warehouse.`] };
    case "order-cancelled":
      return { subject: `Order #${number} is cancelled`, heading: "Your order is cancelled", paragraphs: [`Order #${number} was cancelled. Anything you paid is refunded to the card you used.`] };
    case "order-expired":
      return { subject: `Order #${number} expired`, heading: "Your order expired", paragraphs: [`Order #${number} was not paid in time, so we released its items.`] };
    case "order-refunded":
      return { subject: `Refund for order #${number}`, heading: "Your refund is on its way", paragraphs: [`We refunded ${content.amount} for order #${number}. Banks take a few days to show it.`] };
    case "order-status":
      return { subject: `Order #${number} is ${content.status}`, heading: `Your order is ${content.status}`, paragraphs: [`Order #${number} is now ${content.status}.`] };
  }
}

/**
 * One e-mail as HTML (MJML: tables and inline styles that mail clients render) and as plain
 * text, from the same words. Every value is escaped: product names come from staff input.
 */
export async function renderMail(content: MailContent, brand: Brand): Promise<RenderedMail> {
  const { subject, heading, paragraphs } = words(content);
  const { order } = content;
  const orderUrl = new URL(`/orders/${encodeURIComponent(order.id)}`, brand.storefrontUrl).href;
  const rows = order.lines
    .map((line) => `<tr><td style="padding:4px 0">${escapeHtml(line.name)} × ${line.quantity}</td><td style="padding:4px 0;text-align:right">${escapeHtml(line.lineTotal)}</td></tr>`)
    .join("");
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
      <mj-divider border-color="${colours.border}" border-width="1px" />
      <mj-table font-size="14px">${rows}<tr><td style="padding-top:8px;font-weight:700">Total</td><td style="padding-top:8px;text-align:right;font-weight:700">${escapeHtml(order.total)}</td></tr></mj-table>
      <mj-button background-color="${colours.accent}" color="${colours.accentText}" href="${escapeHtml(orderUrl)}">View your order</mj-button>
    </mj-column></mj-section>
    <mj-section><mj-column>
      <mj-text font-size="12px" color="${colours.muted}">You receive this e-mail because you have an account at ${escapeHtml(brand.storeName)}.</mj-text>
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
    ...order.lines.map((line) => `${line.name} × ${line.quantity}  ${line.lineTotal}`),
    `Total  ${order.total}`,
    "",
    `View your order: ${orderUrl}`,
  ].join("\n");
  return { subject, html, text };
}
