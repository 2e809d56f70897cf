/**
 * Outgoing e-mail through the SMTP server named by SMTP_URL (smtp://user:pass@host:port, or smtps://), sent with
 * nodemailer: the well-kept client that handles TLS, authentication and MIME, which we would not write again.
 * With no SMTP_URL, mail is off and callers skip the work that would produce it.
 */
import nodemailer, { type Transporter } from "nodemailer";

export type MailAttachment = { filename: string; content: Uint8Array; contentType: string };
export type Mail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };

let transport: { url: string; transporter: Transporter } | null = null;

export function isMailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export async function sendMail(mail: Mail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: mail is off");
  // Timeouts well under nodemailer's minutes: a purchase order is mailed inside a transaction (30 s at most).
  if (transport?.url !== url)
    transport = { url, transporter: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 }) };
  const attachments = mail.attachments?.map((file) => ({ ...file, content: Buffer.from(file.content) }));
  await transport.transporter.sendMail({ from: process.env.SMTP_FROM ?? "Stockroom <stockroom@localhost>", ...mail, attachments });
}
