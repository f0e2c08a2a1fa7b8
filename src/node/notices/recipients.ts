// The recipients file of an issuance: CSV with a header, one row per notice. Only
// `recipient_id` (the print house's own reference) and `postal_code` (optional) are
// read; any other columns — names, addresses — are ignored and never stored.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse, type Parser } from 'csv-parse';
import { normalizePostalCode } from '../../core/notices/postal.js';

/** A recipient id longer than this is not a reference but data (an address pasted in). */
export const MAX_RECIPIENT_ID_CHARS = 128;
/** One CSV record of more than this is a broken file (an unclosed quote swallowing the rest), not a row. */
const MAX_RECORD_BYTES = 64 * 1024;
/** Rows in one run: the serial's row number has at most 12 digits; this is a sane run's upper bound. */
export const MAX_RECIPIENTS = 100_000_000;

export class RecipientsError extends Error {
  override name = 'RecipientsError';
}

export interface RecipientsSummary {
  sha256: string;
  rows: number;
}

interface Columns {
  id: number;
  postal: number | undefined;
}

function columnsOf(header: string[]): Columns {
  const names = header.map((h) => h.trim().toLowerCase());
  const id = names.indexOf('recipient_id');
  if (id < 0) throw new RecipientsError('the recipients file needs a header row with a recipient_id column (and optionally postal_code)');
  const postal = names.indexOf('postal_code');
  return { id, postal: postal < 0 ? undefined : postal };
}

function readRow(record: string[], columns: Columns, row: number): { recipientId: string; postalDigits: string | undefined } {
  const recipientId = (record[columns.id] ?? '').trim();
  if (recipientId === '') throw new RecipientsError(`recipients row ${row}: recipient_id is empty`);
  if (recipientId.length > MAX_RECIPIENT_ID_CHARS) throw new RecipientsError(`recipients row ${row}: recipient_id is longer than ${MAX_RECIPIENT_ID_CHARS} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(recipientId)) throw new RecipientsError(`recipients row ${row}: recipient_id contains a control character`);
  const postalText = columns.postal === undefined ? '' : (record[columns.postal] ?? '').trim();
  if (postalText === '') return { recipientId, postalDigits: undefined };
  const postalDigits = normalizePostalCode(postalText);
  if (postalDigits === undefined) throw new RecipientsError(`recipients row ${row}: postal_code "${postalText.slice(0, 20)}" is not a 7-digit postal code`);
  return { recipientId, postalDigits };
}

/** The file's CSV records; a read error (missing file, no permission) ends them with that error. */
function records(input: NodeJS.ReadableStream & { on(event: 'error', listener: (error: Error) => void): unknown }): AsyncIterable<string[]> {
  const parser: Parser = parse({ bom: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
  input.on('error', (error) => parser.destroy(error));
  return input.pipe(parser);
}

function parseError(error: unknown): Error {
  if (error instanceof RecipientsError) return error;
  const e = error as { code?: string; lines?: number; message?: string };
  if (e.code?.startsWith('CSV_') === true) return new RecipientsError(`recipients file line ${e.lines ?? '?'}: ${e.message ?? 'not valid CSV'}`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return new RecipientsError(`cannot read the recipients file: ${code}`);
  return error as Error;
}

/** Reads the whole file once: checks every row (so a bad row stops the run before
 * anything is issued), counts them and hashes the bytes (the run's identity). */
export async function checkRecipients(path: string): Promise<RecipientsSummary> {
  const hash = createHash('sha256');
  const input = createReadStream(path);
  input.on('data', (chunk) => hash.update(chunk));
  let rows = 0;
  let columns: Columns | undefined;
  try {
    for await (const record of records(input)) {
      if (columns === undefined) {
        columns = columnsOf(record);
        continue;
      }
      rows++;
      if (rows > MAX_RECIPIENTS) throw new RecipientsError(`more than ${MAX_RECIPIENTS} recipients in one file; split it`);
      readRow(record, columns, rows);
    }
  } catch (error) {
    input.destroy();
    throw parseError(error);
  }
  if (columns === undefined) throw new RecipientsError('the recipients file is empty');
  if (rows === 0) throw new RecipientsError('the recipients file has a header but no rows');
  return { sha256: hash.digest('hex'), rows };
}

/** The rows again, in order, numbered from 1 (the file was checked by checkRecipients). */
export async function* readRecipients(path: string): AsyncGenerator<{ row: number; recipientId: string; postalDigits: string | undefined }> {
  let columns: Columns | undefined;
  let row = 0;
  const input = createReadStream(path);
  try {
    for await (const record of records(input)) {
      if (columns === undefined) {
        columns = columnsOf(record);
        continue;
      }
      row++;
      yield { row, ...readRow(record, columns, row) };
    }
  } catch (error) {
    throw parseError(error);
  } finally {
    input.destroy();
  }
}
