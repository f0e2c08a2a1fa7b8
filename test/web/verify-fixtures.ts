// What the /verify browser tests need: notices issued the way an organization issues them
// (the built CLI: key, registration, issuance, one notice withdrawn) into a store of their
// own, the server on that store, QR codes as PNG photos and as a Y4M video for chromium's
// fake camera, and chromium started with that camera.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import QRCode from 'qrcode';
import { CHROMIUM, REPO } from './harness.js';

const BIN = join(REPO, 'bin', 'leakaid.js');
export const INCIDENT = 'ntt-business-solutions-2023';
export const ORGANIZATION = 'ntt-west';

export interface IssuedNotice {
  recipientId: string;
  postalCode: string;
  serial: string;
  code: string;
  /** The QR code's content: `<public origin>/verify#<payload>`. */
  qrUrl: string;
  payload: string;
}

export interface NoticeFixtures {
  genuine: IssuedNotice;
  /** Withdrawn with `leakaid notices revoke`. */
  revoked: IssuedNotice;
  /** The genuine notice's QR content with one byte of its signature changed. */
  forgedUrl: string;
  /** A notice signed with a second key of the organization, revoked after issuing (`leakaid issuer revoke`). */
  underRevokedKey: IssuedNotice;
}

/** Recipients as a print house sends them (written for these tests; only the id and postal code are used). */
const RECIPIENTS = 'recipient_id,氏名,住所,postal_code\nK-0001,山田 花子,大阪府大阪市北区梅田1-1,〒530-0001\nK-0002,Taro Sato,京都府京都市下京区,600-8216\n';

function leakaid(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`leakaid ${args.slice(0, 2).join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

/** The same payload with the last byte of its signature flipped: well formed, wrongly signed. */
function forge(qrUrl: string): string {
  const [origin, payload] = qrUrl.split('#') as [string, string];
  const bytes = Buffer.from(payload, 'base64url');
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0x01, bytes.length - 1);
  return `${origin}#${bytes.toString('base64url')}`;
}

/** Registers a new signing key for the organization and issues the test recipients' notices with it. */
function issueWithNewKey(scratch: string, db: string, publicOrigin: string, name: string): { keyId: string; notices: IssuedNotice[] } {
  const key = join(scratch, `${name}.pem`);
  const made = leakaid(['issuer', 'keygen', '--out', key, '--org', ORGANIZATION, '--domain', 'ntt-west.co.jp']);
  const publicKey = /public key: (\S+)/.exec(made)![1]!;
  const keyId = /key id: +(\S+)/.exec(made)![1]!;
  leakaid(['issuer', 'register', '--org', ORGANIZATION, '--public-key', publicKey, '--domain', 'ntt-west.co.jp', '--valid-from', '2026-01-01', '--db', db]);
  const recipients = join(scratch, `${name}-recipients.csv`);
  writeFileSync(recipients, RECIPIENTS);
  const issued = leakaid(['notices', 'issue', '--incident', INCIDENT, '--org', ORGANIZATION, '--recipients', recipients, '--out', join(scratch, `${name}-print`), '--key', key, '--public-origin', publicOrigin, '--db', db]);
  const csv = readFileSync(/print-house CSV: (.+)/.exec(issued)![1]!.trim(), 'utf8').trim().split('\n').slice(1);
  const postalCodes = ['530-0001', '600-8216'];
  const notices = csv.map((line, index): IssuedNotice => {
    const [recipientId, serial, code, qrUrl] = line.split(',') as [string, string, string, string];
    return { recipientId, postalCode: postalCodes[index]!, serial, code, qrUrl, payload: qrUrl.split('#')[1]! };
  });
  return { keyId, notices };
}

/**
 * Issues the test notices into the store `db` (files in `scratch`), with QR codes for the
 * verification page at `publicOrigin`: the server on that store is started first, as an
 * organization issues against a running registry.
 */
export function issueNotices(scratch: string, db: string, publicOrigin: string): NoticeFixtures {
  const [genuine, revoked] = issueWithNewKey(scratch, db, publicOrigin, 'issuer').notices as [IssuedNotice, IssuedNotice];
  leakaid(['notices', 'revoke', revoked.serial, '--db', db]);
  const retired = issueWithNewKey(scratch, db, publicOrigin, 'retired');
  leakaid(['issuer', 'revoke', retired.keyId, '--db', db]);
  return { genuine, revoked, forgedUrl: forge(genuine.qrUrl), underRevokedKey: retired.notices[0]! };
}

/** A QR code as a photo would show it: black on white with its quiet zone. */
export async function writeQrPng(path: string, text: string): Promise<string> {
  await QRCode.toFile(path, text, { type: 'png', width: 480, margin: 4, errorCorrectionLevel: 'M' });
  return path;
}

/** Side of the fake camera's square frames, in pixels (even, as 4:2:0 needs). */
const VIDEO_SIDE = 320;
const VIDEO_FRAMES = 5;

/**
 * A Y4M video (YUV4MPEG2, 4:2:0) of a QR code for chromium's --use-file-for-fake-video-capture:
 * the code drawn straight into the luma plane (black 16, white 235), grey chroma; a blank
 * white picture for null.
 */
export function writeQrY4m(path: string, text: string | null): string {
  const luma = Buffer.alloc(VIDEO_SIDE * VIDEO_SIDE, 235);
  if (text !== null) drawQr(luma, text);
  const chroma = Buffer.alloc((VIDEO_SIDE / 2) * (VIDEO_SIDE / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${VIDEO_SIDE} H${VIDEO_SIDE} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: VIDEO_FRAMES }, () => frame)]));
  return path;
}

function drawQr(luma: Buffer, text: string): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const scale = Math.floor(VIDEO_SIDE / (modules.size + 2 * quiet));
  const offset = Math.floor((VIDEO_SIDE - modules.size * scale) / 2);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) luma.fill(16, (offset + row * scale + y) * VIDEO_SIDE + offset + col * scale, (offset + row * scale + y) * VIDEO_SIDE + offset + (col + 1) * scale);
    }
  }
}

/** Chromium whose camera shows `video` (a Y4M file), with the camera allowed. */
export async function launchWithCamera(video: string): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ja-JP', permissions: ['camera'] });
  return { browser, context };
}
