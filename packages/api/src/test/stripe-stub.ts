import { createServer, type IncomingMessage } from "node:http";

/** One request the stub received, as Stripe's SDK sent it (form-encoded body). */
export interface StripeStubRequest {
  method: string;
  path: string;
  body: URLSearchParams;
  idempotencyKey: string | undefined;
}

export interface StripeStub {
  /** Base URL for STRIPE_API_URL. */
  url: string;
  requests: StripeStubRequest[];
  close(): Promise<void>;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });

/**
 * A local stand-in for Stripe's REST API (no network here): PaymentIntents are created
 * (one per idempotency key, as Stripe does), retrieved, and refunds accepted; every
 * request is recorded for assertions. Point the shop at it with STRIPE_API_URL.
 */
export async function startStripeStub(): Promise<StripeStub> {
  const requests: StripeStubRequest[] = [];
  const intents = new Map<string, Record<string, unknown>>();
  const byKey = new Map<string, string>();

  const server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      const body = new URLSearchParams(raw);
      const path = (request.url ?? "").split("?")[0] ?? "";
      const idempotencyKey = request.headers["idempotency-key"] as string | undefined;
      requests.push({ method: request.method ?? "", path, body, idempotencyKey });
      const reply = (status: number, json: unknown) => {
        response.writeHead(status, { "content-type": "application/json", "request-id": `req_stub_${requests.length}` });
        response.end(JSON.stringify(json));
      };

      if (request.method === "POST" && path === "/v1/payment_intents") {
        const known = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
        if (known) return reply(200, intents.get(known));
        const id = `pi_stub_${intents.size + 1}_${Date.now()}`;
        const intent = {
          id,
          object: "payment_intent",
          status: "requires_payment_method",
          client_secret: `${id}_secret_stub`,
          amount: Number(body.get("amount")),
          currency: body.get("currency"),
          metadata: { orderId: body.get("metadata[orderId]") },
        };
        intents.set(id, intent);
        if (idempotencyKey) byKey.set(idempotencyKey, id);
        return reply(200, intent);
      }
      const intentId = /^\/v1\/payment_intents\/([^/]+)$/.exec(path)?.[1];
      if (request.method === "GET" && intentId && intents.has(intentId)) return reply(200, intents.get(intentId));
      if (request.method === "POST" && path === "/v1/refunds") return reply(200, { id: `re_stub_${requests.length}`, object: "refund", status: "succeeded" });
      return reply(404, { error: { type: "invalid_request_error", message: `The stub does not serve ${request.method} ${path}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
