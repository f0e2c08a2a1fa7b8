// `npm run eval`: how often the checker is right, on data it was not built or tuned on.
// Prints tables and writes docs/accuracy.md. Flagged means risk medium or high; the
// "high" columns count risk high alone. `--split train` measures the training splits
// instead (the only numbers scores and thresholds may be tuned on) and writes nothing.
// The real Japanese messages of ../shared/data/ja-real, the development split for
// Japanese, are reported in both modes, by channel and kind, with and without links.
// `--dump PATH` writes each ja-real verdict (no text) as a JSON line, for studying misses.
// `--split train --oof PATH` scores the training messages with the out-of-fold
// probabilities that `scripts/train-model.ts --oof=PATH` wrote (PATH-email.jsonl,
// PATH-sms.jsonl) instead of the shipped model, which was fitted on them: the rules and
// thresholds beside the model are then measured as on messages it never saw.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkInput, type CheckInput } from '../src/core/check.js';
import type { Risk } from '../src/core/verdict/types.js';
import {
  JA_REAL_CHANNELS,
  jaReal,
  jaRealInput,
  jaRealText,
  mishraSoni,
  nazario,
  removeLinks,
  SHARED_DATA,
  spamAssassin,
  uciSms,
  type JaRealMessage,
  type Label,
} from './datasets.js';
import { hardHamHalf, nazarioSplit, SPAMASSASSIN_EVAL_GROUPS, SPAMASSASSIN_TRAIN_GROUPS, smsSplit } from './splits.js';

const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'eval';
if (split !== 'eval' && split !== 'train') throw new Error('--split must be eval or train');

const REPO = realpathSync(join(import.meta.dirname, '..'));

/** The --dump file, checked before anything runs: outside the repository, or inside it
 * only where git ignores it, so no verdict list is ever committed by accident. */
function dumpPath(): string | null {
  const at = process.argv.indexOf('--dump');
  if (at === -1) return null;
  const raw = process.argv[at + 1];
  if (raw === undefined || raw.startsWith('--')) throw new Error('--dump needs a file path');
  const wanted = resolve(raw);
  if (!existsSync(dirname(wanted))) throw new Error(`--dump: folder ${dirname(wanted)} does not exist`);
  const path = existsSync(wanted) ? realpathSync(wanted) : join(realpathSync(dirname(wanted)), basename(wanted));
  const rel = relative(REPO, path);
  const inside = rel === '' || (rel.split(sep)[0] !== '..' && !isAbsolute(rel));
  if (inside) {
    const ignored = rel !== '' && spawnSync('git', ['check-ignore', '-q', '--', rel], { cwd: REPO }).status === 0;
    if (!ignored) throw new Error(`--dump: ${path} is inside the repository and not ignored by git; write it elsewhere (e.g. /tmp)`);
  }
  return path;
}
const dump = dumpPath();

/** Out-of-fold probabilities by message id (--oof), or null. */
function outOfFold(): Map<string, number> | null {
  const at = process.argv.indexOf('--oof');
  if (at === -1) return null;
  const prefix = process.argv[at + 1];
  if (prefix === undefined || prefix.startsWith('--')) throw new Error('--oof needs the path given to scripts/train-model.ts --oof=');
  if (split !== 'train') throw new Error('--oof goes with --split train: held-out messages have no out-of-fold probability');
  const files = ['email', 'sms'].map((name) => `${prefix.replace(/\.jsonl$/, '')}-${name}.jsonl`).filter((file) => existsSync(file));
  if (files.length === 0) throw new Error(`--oof: neither ${prefix}-email.jsonl nor ${prefix}-sms.jsonl exists`);
  const probabilities = new Map<string, number>();
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const { id, p } = JSON.parse(line) as { id: string; p: number };
      probabilities.set(id, p);
    }
  }
  return probabilities;
}
const oof = outOfFold();

interface Case {
  input: CheckInput;
  /** True when the message is a scam, spam or phishing. */
  positive: boolean;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

interface Row {
  dataset: string;
  positives: number;
  negatives: number;
  flagged: Counts;
  high: Counts;
  /** Flagged messages told they look like advertising mail (medium on bulk-mail features alone, CheckResult.bulk). */
  advertising: { positives: number; negatives: number };
  /** For genuine messages judged medium or high: how many carry each reason code that added points. */
  falseAlarmReasons: Map<string, number>;
  /** Inputs whose check took longest, for the notes. */
  seconds: number;
}

const NEGATIVE_LABELS: ReadonlySet<Label> = new Set(['ham']);

function count(cases: readonly Case[], risks: readonly Risk[], isFlagged: (risk: Risk) => boolean): Counts {
  const counts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  cases.forEach((c, i) => {
    const flagged = isFlagged(risks[i]!);
    if (c.positive) flagged ? counts.tp++ : counts.fn++;
    else flagged ? counts.fp++ : counts.tn++;
  });
  return counts;
}

async function measure(dataset: string, cases: Case[]): Promise<Row> {
  const started = performance.now();
  const risks: Risk[] = [];
  const advertising = { positives: 0, negatives: 0 };
  const falseAlarmReasons = new Map<string, number>();
  for (const c of cases) {
    const result = await checkInput(c.input, { spamProbability: oof?.get(c.input.id) });
    risks.push(result.risk);
    if (result.bulk) c.positive ? advertising.positives++ : advertising.negatives++;
    if (c.positive || result.risk === 'low') continue;
    for (const reason of result.reasons) {
      if (reason.score > 0) falseAlarmReasons.set(reason.code, (falseAlarmReasons.get(reason.code) ?? 0) + 1);
    }
  }
  return {
    dataset,
    positives: cases.filter((c) => c.positive).length,
    negatives: cases.filter((c) => !c.positive).length,
    flagged: count(cases, risks, (r) => r !== 'low'),
    high: count(cases, risks, (r) => r === 'high'),
    advertising,
    falseAlarmReasons,
    seconds: (performance.now() - started) / 1000,
  };
}

const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

function metrics(c: Counts): { precision: string; recall: string; f1: string; fpr: string } {
  const p = c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
  const f1 = p === null || r === null || p + r === 0 ? null : (2 * p * r) / (p + r);
  return {
    precision: p === null ? '–' : `${(100 * p).toFixed(1)}%`,
    recall: pct(c.tp, c.tp + c.fn),
    f1: f1 === null ? '–' : (100 * f1).toFixed(1),
    fpr: pct(c.fp, c.fp + c.tn),
  };
}

function table(rows: Row[]): string {
  const lines = [
    '| dataset | scams | genuine | precision | recall | F1 | false-positive rate | recall (high) | FPR (high) | flagged, told advertising: scams / genuine |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const f = metrics(row.flagged);
    const h = metrics(row.high);
    const advertising = `${pct(row.advertising.positives, row.positives)} / ${pct(row.advertising.negatives, row.negatives)}`;
    lines.push(
      `| ${row.dataset} | ${row.positives} | ${row.negatives} | ${f.precision} | ${f.recall} | ${f.f1} | ${f.fpr} | ${h.recall} | ${h.fpr} | ${advertising} |`,
    );
  }
  return lines.join('\n');
}

// --- The datasets -------------------------------------------------------------------

const rows: Row[] = [];
const missing: string[] = [];

const sa = spamAssassin();
// hard-ham-1 is halved: its development half (MD5 0–7) goes with the training groups,
// its held-out half (MD5 8–f) with the evaluation groups.
const hardHam = split === 'train' ? 'hard-ham-1 development half (MD5 0–7)' : 'hard-ham-1 held-out half (MD5 8–f)';
const saGroups: readonly string[] = [...(split === 'train' ? SPAMASSASSIN_TRAIN_GROUPS : SPAMASSASSIN_EVAL_GROUPS).filter((g) => g !== 'hard-ham-1'), hardHam];
const saCases = (group: string): Case[] =>
  sa
    .filter((s) => (group === hardHam ? s.group === 'hard-ham-1' && hardHamHalf(s.md5 ?? '') === (split === 'train' ? 'dev' : 'eval') : s.group === group))
    .map((s) => ({ input: { id: s.id, bytes: s.eml }, positive: s.label !== 'ham' }));
const saAll: Case[] = saGroups.flatMap(saCases);
rows.push(await measure(`SpamAssassin ${saGroups.join(' + ')}`, saAll));
for (const group of saGroups) rows.push(await measure(`  ${group}`, saCases(group)));
const hardHamRow = rows[rows.length - 1]!;

const phishing = nazario();
if (phishing === null) missing.push('Nazario phishing corpus');
else {
  const half = phishing.filter((s) => nazarioSplit(s.id) === (split === 'train' ? 'dev' : 'eval'));
  const cases = half.map((s): Case => ({ input: { id: s.id, bytes: s.eml }, positive: true }));
  rows.push(await measure(`Nazario phishing (${split === 'train' ? 'development' : 'held-out'} half)`, cases));
  if (split === 'eval') {
    rows.push(await measure('Nazario phishing (whole corpus)', phishing.map((s) => ({ input: { id: s.id, bytes: s.eml }, positive: true }))));
  }
}

const smsCases = (samples: { id: string; text: string; label: Label }[], keep: (label: Label) => boolean): Case[] =>
  samples
    .filter((s) => smsSplit(s.text) === split && keep(s.label))
    .map((s) => ({ input: { id: s.id, text: s.text, channel: 'sms' }, positive: !NEGATIVE_LABELS.has(s.label) }));
const uci = uciSms();
const mishra = mishraSoni();
if (uci === null || mishra === null) missing.push('SMS corpora');
if (mishra !== null) {
  rows.push(await measure(`Mishra–Soni SMS (${split} split): smishing vs ham`, smsCases(mishra, (l) => l !== 'spam')));
  rows.push(await measure(`Mishra–Soni SMS (${split} split): spam vs ham`, smsCases(mishra, (l) => l !== 'smishing')));
}
if (uci !== null) rows.push(await measure(`UCI SMS (${split} split): spam vs ham`, smsCases(uci, () => true)));

// Our own sets: eval/fixtures/ja, written for evaluation only and never tuned on; and two
// development sets written later without looking at any evaluation data, for finding
// what the rules get wrong (reported with --split train only): eval/fixtures/ja-dev
// (Japanese scams and genuine messages, from ../shared/facts) and
// eval/fixtures/commercial-dev (genuine newsletters and transactional mail).
interface ManifestEntry {
  file: string;
  label: 'phishing' | 'genuine';
  channel: 'sms' | 'email' | 'letter' | 'call';
  hard: boolean;
}
const fixtureSet = (folder: string): { entries: ManifestEntry[]; toCase: (m: ManifestEntry) => Case } => {
  const dir = join(import.meta.dirname, 'fixtures', folder);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { messages: ManifestEntry[] };
  const toCase = (m: ManifestEntry): Case => {
    const bytes = readFileSync(join(dir, m.file));
    const input: CheckInput = m.file.endsWith('.eml')
      ? { id: m.file, eml: bytes, channel: 'email' }
      : { id: m.file, text: bytes.toString('utf8'), channel: m.channel };
    return { input, positive: m.label === 'phishing' };
  };
  return { entries: manifest.messages, toCase };
};
// Written by this project, so in a table of their own: they show what the rules were
// written to catch, not how often the checker is right on what people receive.
const ownRows: Row[] = [];
const japanese = fixtureSet(split === 'eval' ? 'ja' : 'ja-dev');
ownRows.push(await measure(`Japanese ${split === 'eval' ? 'fixtures (eval/fixtures/ja)' : 'development set (eval/fixtures/ja-dev)'}`, japanese.entries.map(japanese.toCase)));
ownRows.push(await measure('  of which hard cases', japanese.entries.filter((m) => m.hard).map(japanese.toCase)));
if (split === 'train') {
  const commercial = fixtureSet('commercial-dev');
  ownRows.push(await measure('Genuine commercial mail (eval/fixtures/commercial-dev)', commercial.entries.map(commercial.toCase)));
}
const ownTitle =
  `## Messages written by this project (eval/fixtures/${split === 'eval' ? 'ja' : 'ja-dev, eval/fixtures/commercial-dev'}) — not an accuracy figure`;
const ownNote =
  'Written by the people who wrote the rules, to show what the rules are meant to catch: ' +
  'they say nothing about how often the checker is right on messages people really receive.';
const ownOutput = `${ownTitle}\n\n${ownNote}\n\n${table(ownRows)}`;

// --- ja-real: real Japanese messages (development split) ------------------------------

interface Judged {
  risk: Risk;
  score: number;
  /** Told it looks like advertising mail (CheckResult.bulk). */
  bulk: boolean;
  reasons: { code: string; score: number }[];
}
interface JaOutcome {
  message: JaRealMessage;
  /** As received (subject line, then text). */
  asIs: Judged;
  /** The same text with every link removed (eval/datasets.ts removeLinks). */
  noLinks: Judged;
}

async function judgeText(message: JaRealMessage, text: string): Promise<Judged> {
  const result = await checkInput(jaRealInput(message, text));
  return { risk: result.risk, score: result.score, bulk: result.bulk, reasons: result.reasons.map((r) => ({ code: r.code, score: r.score })) };
}

const flaggedRisk = (j: Judged): boolean => j.risk !== 'low';
const highRisk = (j: Judged): boolean => j.risk === 'high';
/** "81.6% (31)": the share and the count, since some groups are small. */
const share = (items: readonly Judged[], test: (j: Judged) => boolean): string => {
  const n = items.filter(test).length;
  return items.length === 0 ? '–' : `${pct(n, items.length)} (${n})`;
};

/** How many flagged messages were told they look like advertising mail rather than that they may be a scam. */
function advertisingLine(outcomes: readonly JaOutcome[]): string {
  const told = (label: JaRealMessage['label']): string => {
    const flagged = outcomes.filter((o) => o.message.label === label && flaggedRisk(o.asIs));
    return `${flagged.filter((o) => o.asIs.bulk).length} of the ${flagged.length} ${label === 'scam' ? 'scams' : 'genuine messages'} flagged`;
  };
  return `Told "this looks like advertising mail" (medium on how mass mail looks alone) rather than "this may be a scam": ${told('scam')}, ${told('legit')}.`;
}

function channelTable(outcomes: readonly JaOutcome[], view: 'asIs' | 'noLinks'): string {
  const lines = [
    '| channel | scams | flagged | high | genuine | genuine flagged (false alarms) | genuine high |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const channel of [...JA_REAL_CHANNELS, 'all'] as const) {
    const group = outcomes.filter((o) => channel === 'all' || o.message.channel === channel);
    const scams = group.filter((o) => o.message.label === 'scam').map((o) => o[view]);
    const genuine = group.filter((o) => o.message.label === 'legit').map((o) => o[view]);
    const name = channel === 'all' ? '**all**' : channel;
    lines.push(
      `| ${name} | ${scams.length} | ${share(scams, flaggedRisk)} | ${share(scams, highRisk)} | ` +
        `${genuine.length} | ${share(genuine, flaggedRisk)} | ${share(genuine, highRisk)} |`,
    );
  }
  return lines.join('\n');
}

function kindTable(outcomes: readonly JaOutcome[], label: JaRealMessage['label']): string {
  const byKind = new Map<string, JaOutcome[]>();
  for (const o of outcomes.filter((o) => o.message.label === label)) {
    byKind.set(o.message.kind, [...(byKind.get(o.message.kind) ?? []), o]);
  }
  const kinds = [...byKind.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const scam = label === 'scam';
  const lines = [
    `| kind | ${scam ? 'scams' : 'genuine'} | flagged | high |${scam ? ' judged low |' : ''} flagged, links removed | high, links removed |`,
    `|---|---:|---:|---:|${scam ? '---:|' : ''}---:|---:|`,
  ];
  for (const [kind, group] of kinds) {
    const asIs = group.map((o) => o.asIs);
    const noLinks = group.map((o) => o.noLinks);
    const low = scam ? ` ${asIs.filter((j) => j.risk === 'low').length} |` : '';
    lines.push(
      `| ${kind} | ${group.length} | ${share(asIs, flaggedRisk)} | ${share(asIs, highRisk)} |${low} ` +
        `${share(noLinks, flaggedRisk)} | ${share(noLinks, highRisk)} |`,
    );
  }
  return lines.join('\n');
}

/** Calls and letters whose text names money, a card, a PIN or an ATM — the scams the
 * issue asks to be high on their own. Chosen by these plain words, deliberately not by
 * the checker's own request reader, so the slice does not grade itself. */
const NAMES_MONEY_CARD_PIN_ATM = /暗証番号|キャッシュカード|atm|振り?込|送金|現金|お金|電子マネー|ギフトカード|プリペイド|支払|払って|払わ|払い戻|口座番号|[0-9０-９]+万?円/i;

function moneyAskTable(outcomes: readonly JaOutcome[]): string {
  const lines = [
    '| calls and letters naming money, a card, a PIN or an ATM | scams | high | high, links removed |',
    '|---|---:|---:|---:|',
  ];
  const group = outcomes.filter(
    (o) =>
      o.message.label === 'scam' &&
      (o.message.channel === 'call' || o.message.channel === 'letter') &&
      NAMES_MONEY_CARD_PIN_ATM.test(jaRealText(o.message)),
  );
  lines.push(`| all | ${group.length} | ${share(group.map((o) => o.asIs), highRisk)} | ${share(group.map((o) => o.noLinks), highRisk)} |`);
  return lines.join('\n');
}

const JA_REAL_TITLE = '## Real Japanese messages (../shared/data/ja-real) — development split';
const JA_REAL_SKIPPED = 'Skipped (../shared/data/ja-real not found)';
let jaOutput = `${JA_REAL_TITLE}\n\n${JA_REAL_SKIPPED}.`;
let jaIntro = '';
const jaMessages = jaReal();
if (jaMessages === null) {
  if (dump !== null) console.error(`--dump: nothing written, ${JA_REAL_SKIPPED}.`);
} else {
  const outcomes: JaOutcome[] = [];
  for (const message of jaMessages) {
    const text = jaRealText(message);
    outcomes.push({ message, asIs: await judgeText(message, text), noLinks: await judgeText(message, removeLinks(text)) });
  }
  const scams = jaMessages.filter((m) => m.label === 'scam').length;
  const pages = new Set(jaMessages.map((m) => m.source)).size;
  const sites = new Set(jaMessages.map((m) => m.site)).size;
  jaIntro =
    `ja-real holds ${jaMessages.length} messages (${scams} scams, ${jaMessages.length - scams} genuine) that people in ` +
    `Japan really received — SMS, email, calls as the callers' words were written down, letters and ` +
    `postcards — and genuine messages and notices from the organizations themselves, quoted from ${pages} ` +
    `public web pages on ${sites} sites; nobody on this project wrote them. It is the **development split** ` +
    'for Japanese: rules are studied and tuned on it, so these figures are optimistic. The checker is judged on another ' +
    'set of real messages from other sites, kept apart, which this project never sees. Each message is ' +
    'checked as a person would paste it (the subject, if any, on its own line, then the text) with its ' +
    "channel; genuine `web` messages are mostly public warnings that quote scam wording, so a flag there " +
    'is a false alarm. Pages often hide links, so the second table checks every message again with ' +
    'every link removed (each URL the checker\'s extractor finds, and bare "https://…" tokens): a scam ' +
    'must be recognised from what it asks.';
  jaOutput = [
    JA_REAL_TITLE,
    jaIntro,
    '### By channel',
    channelTable(outcomes, 'asIs'),
    advertisingLine(outcomes),
    '### By channel, links removed',
    channelTable(outcomes, 'noLinks'),
    '### Calls and letters about money, cards, PINs or ATMs',
    'Scam calls and letters whose text names money, a card, a PIN or an ATM (plain words, not the checker\'s own reading of requests: see NAMES_MONEY_CARD_PIN_ATM in eval/run.ts).',
    moneyAskTable(outcomes),
    '### Scams by kind (judged low = missed)',
    kindTable(outcomes, 'scam'),
    '### Genuine messages by kind (flagged = false alarm)',
    kindTable(outcomes, 'legit'),
  ].join('\n\n');
  if (dump !== null) {
    const line = (o: JaOutcome): string =>
      JSON.stringify({
        id: o.message.id,
        label: o.message.label,
        channel: o.message.channel,
        kind: o.message.kind,
        urlRedacted: o.message.url_redacted,
        truncated: o.message.truncated,
        ...o.asIs,
        linksRemoved: o.noLinks,
      });
    writeFileSync(dump, `${outcomes.map(line).join('\n')}\n`);
  }
}

// --- The NTT West postcard ------------------------------------------------------------

const SEED = join(SHARED_DATA, '../seed/ntt-west-notice-article.ja.txt');
let postcardLine = 'The NTT West postcard (../shared/seed) was not found.';
if (existsSync(SEED)) {
  const article = readFileSync(SEED, 'utf8');
  const postcard = article.slice(article.indexOf('謹啓'), article.indexOf('敬白') + '敬白'.length);
  const result = await checkInput({ id: 'ntt-west-postcard', text: postcard, channel: 'letter' });
  postcardLine =
    `The NTT West postcard (../shared/seed, 謹啓…敬白, as a letter): risk ${result.risk}, score ${result.score}; ` +
    `reasons: ${result.reasons.map((r) => r.code).join(', ')}.`;
}

// --- Output ---------------------------------------------------------------------------

/** What made genuine commercial mail look dangerous: each reason code that added points,
 * by how many of the false alarms carry it. */
function falseAlarmTable(row: Row): string {
  const lines = [
    `| reason code on genuine mail judged medium or high (${row.dataset.trim()}, ${row.flagged.fp} of ${row.negatives}) | messages |`,
    '|---|---:|',
  ];
  for (const [code, n] of [...row.falseAlarmReasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`| ${code} | ${n} |`);
  return lines.join('\n');
}

const output = `${table(rows)}\n\n${falseAlarmTable(hardHamRow)}`;
if (oof !== null) console.log(`Training messages with an out-of-fold probability (${oof.size} in --oof) were scored with it, not with the shipped model.\n`);
console.log(output);
console.log();
console.log(jaOutput);
console.log();
console.log(ownOutput);
console.log();
console.log(postcardLine);
if (dump !== null && jaMessages !== null) console.log(`\nWrote ${jaMessages.length} ja-real verdicts to ${dump}.`);
if (missing.length > 0) console.log(`\nSkipped (../shared/data not found): ${missing.join(', ')}.`);

if (split === 'eval') {
  writeFileSync(
    join(import.meta.dirname, '../docs/accuracy.md'),
    `# Accuracy

Written by \`npm run eval\` (eval/run.ts). Each message goes through the whole check
(parse, extract, evidence, verdict). **Flagged** = risk medium or high; the two columns
before the last count risk **high** alone; the last counts the flagged messages told they
look like advertising mail (medium on how mass mail looks alone, with no evidence of harm) rather
than that they may be a scam. Scams are spam, phishing and smishing; genuine is ham.

Data: the Apache SpamAssassin public corpus, evaluation groups only (easy-ham-2, spam-2,
and the held-out half of hard-ham-1, genuine commercial mail whose MD5 starts with 8–f —
nothing was trained or tuned on them; the other half, 0–7, is development data and
\`npm run eval -- --split train\` reports it), with the reasons that fire on the genuine
commercial mail judged dangerous, counted by code; Jose Nazario's phishing corpus
(its held-out half, eval/nazario-dev.json lists the other: rules were studied on that
half, the text model never saw either; the whole corpus is shown too); the Mishra–Soni and UCI SMS sets, held-out split (eval/splits.ts: 30% by
a hash of the text, so a text shared by both sets is held out in both). Then the real
Japanese messages of ../shared/data/ja-real (the development split, see below), and,
apart, the Japanese set this project wrote (eval/fixtures/ja), which is no accuracy figure.

${output}

${jaOutput}

${ownOutput}

${postcardLine}
${missing.length > 0 ? `\nSkipped (../shared/data not found): ${missing.join(', ')}.\n` : ''}`,
  );
}
