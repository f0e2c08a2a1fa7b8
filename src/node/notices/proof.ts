// The print house's proof of the postcard (はがき, 100 × 148 mm): the QR code, the short
// code, and in plain Japanese (English in small type) where and how to check it. One
// page for the first recipient of the run, to approve the layout before printing.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { LocalizedText } from '../../core/verdict/types.js';
import type { IssuedRow } from './issue-rows.js';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

const MM = 72 / 25.4;
/** Japanese postcard (はがき): 100 × 148 mm. */
const PAGE = { width: 100 * MM, height: 148 * MM };
const MARGIN = 8 * MM;
/** 38 mm across: phone cameras read a version-10 code of this size from arm's length. */
const QR_SIZE = 38 * MM;
const GRAY = '#555555';

export interface ProofFacts {
  organizationName: LocalizedText;
  incidentTitle: LocalizedText;
  publicOrigin: string;
  issued: string;
}

/** Draws the QR code's modules as filled squares: vector, sharp at any print resolution. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  // Level M restores up to 15% of the code: enough for a scuffed postcard, small enough to stay scannable.
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 4;
  const cell = size / (count + quiet * 2);
  doc.save().fillColor('#000000');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

export async function writeProof(path: string, row: IssuedRow, facts: ProofFacts): Promise<void> {
  const origin = facts.publicOrigin.replace(/\/+$/, '');
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: `Notice proof ${row.serial}`, Creator: 'leakaid', CreationDate: new Date(`${facts.issued}T00:00:00Z`) },
    lang: 'ja-JP',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const width = PAGE.width - MARGIN * 2;

  doc.font('bold').fontSize(11.5).text('このお知らせが本物か確かめられます', MARGIN, MARGIN, { width, align: 'center' });
  doc.font('regular').fontSize(7).fillColor(GRAY).text('You can check that this notice is genuine', { width, align: 'center' }).fillColor('#000000');
  doc.moveDown(0.4);
  doc.font('regular').fontSize(7.5).text(`${facts.organizationName.ja}「${facts.incidentTitle.ja}」`, { width, align: 'center' });

  const qrTop = doc.y + 4;
  drawQr(doc, row.qrUrl, (PAGE.width - QR_SIZE) / 2, qrTop, QR_SIZE);
  doc.y = qrTop + QR_SIZE + 4;

  doc.font('regular').fontSize(8).text('確認コード / Verification code', MARGIN, doc.y, { width, align: 'center' });
  doc.font('bold').fontSize(15).text(row.shortCode, { width, align: 'center', characterSpacing: 0.6 });
  doc.moveDown(0.5);

  doc.font('regular').fontSize(7.5);
  const steps = [
    '① スマートフォンのカメラで上のQRコードを読み取ると、確認のページが開きます。',
    '② または、次のページを開いて確認コードを入力してください。',
  ];
  for (const step of steps) doc.text(step, { width, lineGap: 1 }).moveDown(0.15);
  doc.font('bold').fontSize(8.5).text(`${origin}/verify`, { width, align: 'center' }).moveDown(0.15);
  doc
    .font('regular')
    .fontSize(7.5)
    .text('③ 確認のページに、この通知を送った会社・日付・漏えいの内容と公式の問い合わせ先が出ます。このはがきと見比べてください。', { width, lineGap: 1 })
    .moveDown(0.15);
  doc.font('bold').text('問い合わせは、確認のページに出る公式の連絡先へ。カード番号や暗証番号をお聞きすることはありません。', { width, lineGap: 1 });
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(6)
    .fillColor(GRAY)
    .text(
      `Scan the QR code with a phone camera, or open ${origin}/verify and type the code. The page shows who sent this notice, when and about what, with the official contacts. We never ask for card numbers or PINs.`,
      { width, lineGap: 0.5 },
    );
  // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
  doc.page.margins.bottom = 0;
  doc.fontSize(6).text(`見本（校正用） PROOF · ${row.serial} · ${facts.issued}`, MARGIN, PAGE.height - MARGIN / 2 - 6, { width, align: 'center', lineBreak: false });
  doc.end();
  writeFileSync(path, await done);
}
