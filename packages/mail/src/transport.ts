import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@shop/db";

/** An SMTP transport for SMTP_URL, or null when e-mail is not configured. */
export function createMailTransport(url = env().SMTP_URL): Transporter | null {
  if (!url) return null;
  const timeout = env().MAIL_SEND_TIMEOUT_MS;
  // Each bound is one conversation's, so a hung server fails the attempt (it is retried)
  // instead of holding the row SENDING.
  return nodemailer.createTransport({ url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
}
