import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL or createMailTransport. */
  url: string;
  /** Every message accepted so far, parsed. */
  messages: ParsedMail[];
  /** The messages accepted so far for one recipient. */
  to(address: string): ParsedMail[];
  /** Stops listening and drops connections; `start()` listens on the same port again (an outage). */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Called with each message before the server answers; throwing refuses it. */
  onMessage?(mail: ParsedMail, session: SMTPServerSession): void | Promise<void>;
}

/** A real SMTP server (smtp-server) on a free loopback port that keeps what it receives. */
export async function startTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  let port = 0;
  let server: SMTPServer;
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // Stopping drops open conversations at once, as a crashed server would.
      closeTimeout: 50,
      onData(stream, session, done) {
        simpleParser(stream)
          .then(async (mail) => {
            await options.onMessage?.(mail, session);
            messages.push(mail);
            done();
          })
          .catch((error: Error) => done(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
  };
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await listen();
  const to = (address: string) => messages.filter((mail) => !Array.isArray(mail.to) && mail.to?.value[0]?.address === address);
  return { url: `smtp://127.0.0.1:${port}`, messages, to, stop, start: listen, close: stop };
}

/** The link to `path` carrying a token in a mail's text part (account e-mails), if there is one. */
export function tokenLink(mail: ParsedMail, path: string): URL | undefined {
  const found = mail.text?.match(new RegExp(`https?://\\S+${path}\\?token=[\\w-]+`))?.[0];
  return found ? new URL(found) : undefined;
}
