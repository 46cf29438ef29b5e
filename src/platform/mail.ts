import nodemailer from 'nodemailer';
import type { Logger } from './logger.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<{ isSent: boolean }>;
}

/**
 * Mail through SMTP (`SMTP_URL`, e.g. smtp://user:pass@host:587). Without it mail is written to
 * the log instead, so a fresh install works and operators can still see what would have gone out.
 */
export function createMailer(options: { smtpUrl?: string; from: string; logger: Logger }): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(mail) {
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
    async send(mail) {
      await transport.sendMail({ from: options.from, ...mail });
      return { isSent: true };
    },
  };
}
