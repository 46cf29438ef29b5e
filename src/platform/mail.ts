import { AsyncLocalStorage } from 'node:async_hooks';
import nodemailer from 'nodemailer';
import type { Logger } from './logger.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Where the recipient's answer goes when it is not the sender (a complaint's own reply address). */
  replyTo?: string;
  /** Files sent with the mail (an .ics invitation, a PDF), passed to nodemailer as they are. */
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
}

export interface Mailer {
  /** False when no SMTP server is configured: mail is logged, never sent. */
  readonly isConfigured: boolean;
  send(mail: Mail): Promise<{ isSent: boolean }>;
}

const unsentMail = new AsyncLocalStorage<string[]>();

/**
 * Runs `work` (an outbox event's handlers) and returns why mail it tried to send did not leave.
 * A handler cannot tell a mail that was sent from one that was only logged, and the outbox must
 * not call such an event delivered; the mailer notes it here for the delivery in progress.
 */
export async function recordingUnsentMail(work: () => Promise<void>): Promise<string[]> {
  const reasons: string[] = [];
  await unsentMail.run(reasons, work);
  return reasons;
}

/**
 * Mail through SMTP (`SMTP_URL`, e.g. smtp://user:pass@host:587). Without it mail is written to
 * the log instead, so a fresh install works and operators can still see what would have gone out.
 */
export function createMailer(options: { smtpUrl?: string; from: string; logger: Logger }): Mailer {
  if (!options.smtpUrl) {
    return {
      isConfigured: false,
      async send(mail) {
        unsentMail.getStore()?.push(`SMTP_URL is not set: mail to ${mail.to} ("${mail.subject}") not sent`);
        options.logger.info(
          { mail: { to: mail.to, subject: mail.subject } },
          'mail not sent: SMTP_URL is not set',
        );
        return { isSent: false };
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    isConfigured: true,
    async send(mail) {
      await transport.sendMail({ from: options.from, ...mail });
      return { isSent: true };
    },
  };
}
