// DKIM, SPF, DMARC and ARC verification with mailauth, for a receiving server (or a
// helper holding the SMTP connection details). Every DNS query goes through `resolver`,
// so tests and offline use can serve a fake zone; the system resolver is loaded only
// when the caller does not give one.
//
// mailauth is pinned at 4.13.3: 5.x and 7.x crash on Node 20. BIMI is always off: it
// can fetch logo certificates over HTTPS, and nothing here needs it.

import { authenticate } from 'mailauth';
import type { AuthenticateOptions, DKIMResult, DNSResolver } from 'mailauth';
import { assertInputSize } from '../core/message/errors.js';

export interface MailConnection {
  /** IP address of the SMTP client that delivered the message. SPF needs it: without
   * it the SPF result is none (DKIM and DMARC are still checked). */
  ip?: string;
  /** Its HELO/EHLO name. */
  helo?: string;
  /** Our host name, written as the authserv-id of the Authentication-Results header. */
  mta?: string;
  /** MAIL FROM address; the Return-Path header is used when absent. */
  sender?: string;
}

export type DnsRecords = string[] | string[][] | { exchange: string; priority: number }[];

/** Resolves `name` for `rrtype` (TXT, A, AAAA, MX, PTR, ...). Throw an Error with code
 * ENOTFOUND or ENODATA for a name or record that does not exist. */
export type DnsResolver = (name: string, rrtype: string) => Promise<DnsRecords>;

export interface DkimSummary {
  /** pass, fail, neutral, policy, temperror, permerror, none. mailauth reports a body
   * that no longer matches its signature as neutral, comment "body hash did not verify". */
  result: string;
  /** mailauth's reason for a result other than pass, or null. */
  comment: string | null;
  /** The signing domain (d=), null when the signature does not name one. */
  domain: string | null;
  selector: string | null;
  /** The From-header domain a passing signature is aligned with, or null. */
  alignedTo: string | null;
}

export interface SpfSummary {
  /** pass, fail, softfail, neutral, none, temperror, permerror. */
  result: string;
  /** The MAIL FROM (or HELO) domain that was checked, or null. */
  domain: string | null;
  /** The From-header domain the SPF domain is aligned with (per DMARC), or null. */
  alignedTo: string | null;
}

export interface DmarcSummary {
  /** pass, fail, none, temperror, permerror. */
  result: string;
  /** The organizational domain of the From header, whose policy applies, or null. */
  domain: string | null;
  /** none, quarantine or reject, when a record was found. */
  policy: string | null;
}

export interface MailAuthSummary {
  /** One entry per DKIM-Signature header; empty for an unsigned message. */
  dkim: DkimSummary[];
  spf: SpfSummary;
  dmarc: DmarcSummary;
  arc: { result: string };
  /** The Authentication-Results header mailauth wrote, name included, folded with CRLF. */
  authenticationResults: string;
}

export async function verifyMailAuth(
  raw: Uint8Array | string,
  connection: MailConnection,
  resolver?: DnsResolver,
): Promise<MailAuthSummary> {
  assertInputSize(raw);
  const input = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const options: AuthenticateOptions = {
    ...connection,
    mta: connection.mta ?? 'localhost',
    // mailauth's declared resolver type leaves out MX records, which SPF needs.
    resolver: (resolver ?? (await systemResolver())) as DNSResolver,
    disableBimi: true,
  };
  const result = await authenticate(input, options);

  const dmarc = result.dmarc;
  const alignment = dmarc ? dmarc.alignment : null;
  const spf = result.spf;
  return {
    dkim: result.dkim.results.filter(isSignature).map(dkimSummary),
    // Without the client IP mailauth still runs SPF, for "postmaster@undefined".
    spf:
      spf && connection.ip
        ? { result: spf.status.result, domain: spf.domain || null, alignedTo: alignedDomain(alignment?.spf.result) }
        : { result: 'none', domain: null, alignedTo: null },
    dmarc: dmarc
      ? { result: dmarc.status.result, domain: dmarc.domain || null, policy: dmarc.policy || null }
      : { result: 'none', domain: null, policy: null },
    arc: { result: result.arc ? result.arc.status.result : 'none' },
    authenticationResults: authenticationResultsHeader(result.headers),
  };
}

// mailauth lists an unsigned message as one result without a signing domain.
function isSignature(signature: DKIMResult): boolean {
  return Boolean(signature.signingDomain) || signature.status.result !== 'none';
}

function dkimSummary(signature: DKIMResult): DkimSummary {
  const { status } = signature;
  const passed = status.result === 'pass';
  return {
    result: status.result,
    comment: !passed && typeof status.comment === 'string' ? status.comment : null,
    domain: signature.signingDomain || null,
    selector: signature.selector ?? null,
    // mailauth computes alignment for failed signatures too; only a pass counts.
    alignedTo: passed && typeof status.aligned === 'string' ? status.aligned : null,
  };
}

function alignedDomain(value: string | false | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

// mailauth returns Received-SPF and Authentication-Results as one CRLF-joined block.
function authenticationResultsHeader(headers: string): string {
  const lines = headers.split('\r\n');
  const start = lines.findIndex((line) => /^authentication-results:/i.test(line));
  if (start < 0) return '';
  let end = start + 1;
  while (end < lines.length && /^[ \t]/.test(lines[end] ?? '')) end++;
  return lines.slice(start, end).join('\r\n');
}

/** The operating system's DNS, for verifying real mail. */
export async function systemResolver(): Promise<DnsResolver> {
  const { Resolver } = await import('node:dns/promises');
  const dns = new Resolver({ timeout: 5_000, tries: 2 });
  return (name, rrtype) => dns.resolve(name, rrtype) as Promise<DnsRecords>;
}
