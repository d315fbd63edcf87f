export { flushOutbox, type FlushResult, type OutboxDeps } from "./outbox";
export { renderMail, type Brand, type MailContent, type RenderedMail } from "./templates";
export { createMailTransport } from "./transport";
