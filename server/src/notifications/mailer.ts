/**
 * Sends e-mail through nodemailer to the SMTP server of the configuration, retrying a failed
 * hand-off with a doubling delay in the background; each failure is logged, and the last one
 * (given up) counted. With no SMTP server configured the mailer is `configured: false` and the
 * callers queue nothing: e-mail is simply off.
 *
 *   const mailer = createMailer({ settings: config.mail, logger, counter });
 *   mailer.post({ to, subject, text, html }, 'mentioned');   // returns at once
 *   await mailer.idle();                                     // tests: every hand-off settled
 */
import type { Transporter } from 'nodemailer';
import type { MailSettings } from '../config.js';
import type { Logger } from '../observability/logger.js';
import type { NotificationCounter } from './notification-metrics.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  readonly configured: boolean;
  /** Queues the mail for sending; `kind` labels the metric (a notification kind, or `digest`). */
  post(mail: OutgoingMail, kind: string): void;
  /** Resolves once nothing is being sent or waiting for a retry. */
  idle(): Promise<void>;
  close(): void;
}

export interface MailRetry {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

const defaultRetry: MailRetry = { attempts: 6, firstDelayMs: 1000, maxDelayMs: 5 * 60_000 };

export function createMailer(options: {
  settings: Pick<MailSettings, 'smtpUrl' | 'from'>;
  logger: Logger;
  counter?: NotificationCounter;
  retry?: Partial<MailRetry>;
}): Mailer {
  const { settings, counter } = options;
  const logger = options.logger.child({ component: 'mailer' });
  const retry = { ...defaultRetry, ...options.retry };
  // nodemailer is loaded only when e-mail is on, and in the background: start-up does not wait.
  const smtpUrl = settings.smtpUrl;
  const transport: Promise<Transporter> | undefined = smtpUrl
    ? import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl))
    : undefined;
  const pending = new Set<Promise<void>>();
  /** Retries waiting, so closing can end them at once. */
  const timers = new Map<NodeJS.Timeout, () => void>();
  let closed = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      timers.set(timer, resolve);
    });

  async function deliver(mail: OutgoingMail, kind: string): Promise<void> {
    for (let attempt = 1; !closed; attempt++) {
      try {
        await (await transport!).sendMail({ from: settings.from, ...mail });
        counter?.inc({ channel: 'email', kind, outcome: 'sent' });
        return;
      } catch (error) {
        const last = attempt >= retry.attempts;
        counter?.inc({ channel: 'email', kind, outcome: last ? 'failed' : 'retry' });
        // The address is personal data: the log names the kind and the attempt, not the person.
        logger.warn(
          { kind, attempt, err: error },
          last ? 'gave up sending an e-mail' : 'e-mail not sent; retrying',
        );
        if (last) return;
        await wait(Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  return {
    configured: transport !== undefined,
    post(mail, kind) {
      if (!transport || closed) return;
      const sending = deliver(mail, kind).finally(() => pending.delete(sending));
      pending.add(sending);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close() {
      closed = true;
      for (const [timer, resolve] of timers) {
        clearTimeout(timer);
        resolve();
      }
      timers.clear();
      void transport?.then((t) => t.close());
    },
  };
}
