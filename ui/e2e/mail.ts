import { expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// scripts/e2e.sh runs the mail sink (devtools/mail_sink.py), which keeps each message as .eml.
const MAIL_DIR = process.env.E2E_MAIL_DIR;

function mailDir(): string {
  if (!MAIL_DIR)
    throw new Error('E2E_MAIL_DIR is not set: run the end-to-end tests with `make e2e`');
  return MAIL_DIR;
}

/** A quoted-printable body as text: soft line breaks joined, =XX bytes decoded as UTF-8. */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes = joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export interface ReceivedMail {
  raw: string;
  subject: string;
  text: string;
}

function read(path: string): ReceivedMail {
  const raw = readFileSync(path, 'utf8');
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const quoted = /content-transfer-encoding:\s*quoted-printable/i.test(head);
  return {
    raw,
    subject: /^Subject: (.*)$/im.exec(head)?.[1] ?? '',
    text: quoted ? decodeQuotedPrintable(body) : body,
  };
}

/** The newest message to `to` whose subject is `subject`, waiting for the sink to get it. */
export async function mailTo(to: string, subject: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        const names = readdirSync(mailDir()).filter((name) => name.endsWith('.eml'));
        found = names
          .sort()
          .reverse()
          .map((name) => read(join(mailDir(), name)))
          .find(
            (mail) => new RegExp(`^To: ${to}$`, 'im').test(mail.raw) && mail.subject === subject,
          );
        return found !== undefined;
      },
      { message: `a mail "${subject}" to ${to}` },
    )
    .toBe(true);
  return found as ReceivedMail;
}

/** The reset link in a mail. */
export function linkIn(mail: ReceivedMail): string {
  const link = /https?:\/\/\S+\/reset-password#token=[\w-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no reset link in:\n${mail.text}`);
  return link;
}
