// Issues a batch of recipient rows: for each, its serial, short code, postal salt and
// commitment, signed statement and QR URL, as a print-house CSV line and a store record.
// Runs in worker threads (issue-worker.ts) or in the issuing thread; the same key and
// serial always give the same lines.
import { hash, sign } from 'node:crypto';
import { commitmentFromDigest, postalCommitmentInput } from '../../core/notices/postal.js';
import { formatShortCode } from '../../core/notices/short-code.js';
import { type NoticeChannel, type NoticeStatement, payloadFromSigningBytes, statementSigningBytes } from '../../core/notices/statement.js';
import { codeHash, postalCheck } from './code-hash.js';
import { issuerKeyFromPem, serialSecrets } from './issuer-key.js';

export interface RunContext {
  /** The signing key as PEM: worker threads cannot share a KeyObject's secret otherwise. */
  keyPem: string;
  runId: string;
  incidentId: string;
  organizationId: string;
  issued: string;
  channel: NoticeChannel;
  /** The verification page's URL up to and including '#': the payload follows. */
  verifyUrl: string;
}

export interface RecipientRow {
  /** 1-based row in the recipients file (the header not counted). */
  row: number;
  recipientId: string;
  /** Seven digits, or undefined when the file has none for this row. */
  postalDigits: string | undefined;
}

export interface IssuedRow {
  serial: string;
  shortCode: string;
  qrUrl: string;
}

export interface IssuedBatch {
  /** Print-house CSV lines. */
  csv: string;
  /** Store records as COPY text lines. */
  records: string;
}

export const PRINT_CSV_HEADER = 'recipient_id,serial,short_code,qr_url\n';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function createRowIssuer(context: RunContext): { issue(row: RecipientRow): IssuedRow & { record: string; csv: string }; batch(rows: readonly RecipientRow[]): IssuedBatch } {
  const key = issuerKeyFromPem(context.keyPem);
  const issue = (recipient: RecipientRow) => {
    const serial = `${context.runId}-${recipient.row}`;
    const { code, salt } = serialSecrets(key, serial);
    let postal: NoticeStatement['postal'];
    if (recipient.postalDigits !== undefined) {
      const digest = hash('sha256', postalCommitmentInput(salt, recipient.postalDigits), 'buffer');
      postal = { salt: salt.toString('base64url'), commitment: commitmentFromDigest(digest) };
    }
    const statement: NoticeStatement = {
      keyId: key.keyId,
      incidentId: context.incidentId,
      organizationId: context.organizationId,
      serial,
      issued: context.issued,
      channel: context.channel,
      ...(postal === undefined ? {} : { postal }),
    };
    const signed = statementSigningBytes(statement);
    const shortCode = formatShortCode(code);
    const qrUrl = context.verifyUrl + payloadFromSigningBytes(signed, sign(null, signed, key.privateKey));
    const check = recipient.postalDigits === undefined ? '\\N' : postalCheck(code, recipient.postalDigits);
    return {
      serial,
      shortCode,
      qrUrl,
      csv: `${csvField(recipient.recipientId)},${serial},${shortCode},${qrUrl}\n`,
      record: `${codeHash(code)}\t${context.runId}\t${recipient.row}\t${check}\n`,
    };
  };
  return {
    issue,
    batch(rows) {
      let csv = '';
      let records = '';
      for (const row of rows) {
        const issued = issue(row);
        csv += issued.csv;
        records += issued.record;
      }
      return { csv, records };
    },
  };
}
