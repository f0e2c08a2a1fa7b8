// The plan as a printable PDF for people who prefer paper: A4, Noto Sans JP (so Japanese
// renders on any printer), large type (14 pt and up), a box to tick by hand for each step.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { ANSWER_LABELS, PLAN_LABELS, isStepDone, recurrenceLabel, resourceLine } from '../../core/plan/index.js';
import type { Plan, PlanLang, PlanProgress, PlanStep } from '../../core/plan/index.js';

const require = createRequire(import.meta.url);
/** Noto Sans JP from @expo-google-fonts/noto-sans-jp (it ships one .ttf per weight). */
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

/** Sizes in points. Body text stays at 14 pt or more: the readers are often older. */
const SIZE = { title: 24, stage: 19, step: 16, body: 14 } as const;
const MARGIN = 56;
const BOX = 16;
const INDENT = BOX + 12;
const GRAY = '#444444';
/** The list mark each language's readers expect. */
const BULLET = { ja: '・', en: '• ' } as const;

export interface PdfOptions {
  lang: PlanLang;
  progress?: PlanProgress;
  /** YYYY-MM-DD, printed on the page and used to tell whether recurring steps are done. */
  today: string;
  /** The stored plan's id, printed so the person can reopen it (leakaid plan show ID). */
  planId?: string;
}

function drawBox(doc: PDFKit.PDFDocument, x: number, y: number, ticked: boolean): void {
  doc.save().lineWidth(1.5).rect(x, y, BOX, BOX).stroke('#000000');
  if (ticked) {
    doc
      .moveTo(x + 3, y + BOX / 2)
      .lineTo(x + BOX / 2 - 1, y + BOX - 4)
      .lineTo(x + BOX - 3, y + 3)
      .stroke('#000000');
  }
  doc.restore();
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function writeStep(doc: PDFKit.PDFDocument, step: PlanStep, options: PdfOptions): void {
  const { lang } = options;
  const progress = options.progress ?? {};
  const width = doc.page.width - MARGIN * 2 - INDENT;
  const done = isStepDone(step, progress, options.today);
  const entry = progress[step.id];

  doc.font('bold').fontSize(SIZE.step);
  const title = step.title[lang] + (step.recurrence === undefined ? '' : ` — ${recurrenceLabel(step.recurrence, lang)}`);
  ensureRoom(doc, doc.heightOfString(title, { width }) + SIZE.body * 3);
  drawBox(doc, MARGIN, doc.y + 3, done);
  doc.text(title, MARGIN + INDENT, doc.y, { width });
  if (done && entry !== undefined) doc.font('regular').fontSize(SIZE.body).fillColor(GRAY).text(`${PLAN_LABELS.doneOn[lang]} ${entry.at}`, { width }).fillColor('#000000');

  doc.font('regular').fontSize(SIZE.body).text(step.body[lang], MARGIN + INDENT, doc.y, { width, lineGap: 3 });
  for (const action of step.actions) {
    const text = action.resource === undefined ? action.text[lang] : `${action.text[lang]}\n${resourceLine(action.resource, lang)}`;
    doc.text(`${BULLET[lang]}${text}`, MARGIN + INDENT + 8, doc.y + 2, { width: width - 8, lineGap: 3 });
  }
  doc.fillColor(GRAY).text(`${PLAN_LABELS.doneWhen[lang]}: ${step.done[lang]}`, MARGIN + INDENT, doc.y + 2, { width }).fillColor('#000000');
  doc.moveDown(0.8);
}

/** Renders the plan; resolves with the PDF bytes. */
export function planToPdf(plan: Plan, options: PdfOptions): Promise<Buffer> {
  const { lang } = options;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: PLAN_LABELS.title[lang], Creator: 'leakaid' },
    lang: lang === 'ja' ? 'ja-JP' : 'en',
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const width = doc.page.width - MARGIN * 2;

  doc.font('bold').fontSize(SIZE.title).text(PLAN_LABELS.title[lang], { width });
  const dateLine = options.planId === undefined ? options.today : `${options.today}　${PLAN_LABELS.planId[lang]}: ${options.planId}`;
  doc.font('regular').fontSize(SIZE.body).fillColor(GRAY).text(dateLine, { width }).fillColor('#000000').moveDown(0.5);
  const list = (refs: Plan['exposed']) =>
    refs.length === 0 ? PLAN_LABELS.unknownData[lang] : refs.map((ref) => ref.label[lang]).join(lang === 'ja' ? '、' : ', ');
  const facts: string[] = [];
  if (plan.source !== undefined) {
    facts.push(`${PLAN_LABELS.incident[lang]}: ${plan.source.incidentTitle[lang]}`);
    facts.push(`${PLAN_LABELS.organization[lang]}: ${plan.source.organizationName[lang]}`);
    if (plan.source.announcementUrl !== undefined) facts.push(`${PLAN_LABELS.announcement[lang]}: ${plan.source.announcementUrl}`);
    for (const site of plan.source.officialDomains) {
      facts.push(`${PLAN_LABELS.officialDomain[lang]}: ${site.domain} (${PLAN_LABELS.source[lang]}: ${site.source})`);
    }
    for (const enquiry of plan.source.enquiries) {
      const label = enquiry.label === undefined ? '' : `${enquiry.label[lang]}: `;
      facts.push(`${PLAN_LABELS.enquiries[lang]}: ${label}${enquiry.value} (${PLAN_LABELS.source[lang]}: ${enquiry.sources.map((s) => s.url).join(', ')})`);
    }
  }
  facts.push(`${PLAN_LABELS.exposed[lang]}: ${list(plan.exposed)}`);
  if (plan.notExposed.length > 0) facts.push(`${PLAN_LABELS.notExposed[lang]}: ${list(plan.notExposed)}`);
  if (plan.input.answers.length > 0) {
    facts.push(`${PLAN_LABELS.answers[lang]}: ${plan.input.answers.map((a) => ANSWER_LABELS[a][lang]).join(lang === 'ja' ? '、' : '; ')}`);
  }
  for (const fact of facts) doc.text(fact, { width, lineGap: 3 });

  for (const stage of plan.stages) {
    doc.moveDown(0.8);
    ensureRoom(doc, SIZE.stage * 4);
    doc.font('bold').fontSize(SIZE.stage).text(stage.label[lang], MARGIN, doc.y, { width }).moveDown(0.4);
    if (stage.steps.length === 0) doc.font('regular').fontSize(SIZE.body).text(PLAN_LABELS.nothingInStage[lang], { width });
    for (const step of stage.steps) writeStep(doc, step, options);
  }

  if (plan.notNeeded.length > 0) {
    doc.moveDown(0.8);
    ensureRoom(doc, SIZE.stage * 4);
    doc.font('bold').fontSize(SIZE.stage).text(PLAN_LABELS.notNeeded[lang], MARGIN, doc.y, { width }).moveDown(0.4);
    doc.font('regular').fontSize(SIZE.body);
    for (const line of plan.notNeeded) doc.text(`${BULLET[lang]}${line.text[lang]}`, MARGIN, doc.y, { width, lineGap: 3 });
  }
  doc.end();
  return finished;
}
