// `leakaid notice lint FILE|-`: an organization's draft notice checked for the parts a
// notice must contain and for what makes it look like a scam, with what to add or remove
// and where (line and column). Exit 0 when nothing required is missing and nothing looks
// like a scam, 1 when the draft should change, 2 when it cannot be read.
import { type Command, Option } from 'commander';
import { decodeText } from '../../core/message/decode-text.js';
import {
  assertDraft,
  DraftTooLargeError,
  EmptyDraftError,
  lintNotice,
  needsChanges,
  NOTICE_CHANNELS,
  type LintFinding,
  type LintSeverity,
  type NoticeChannel,
  type NoticeLint,
  type Span,
} from '../../core/notice-lint/index.js';
import { readFileLimited, readStreamLimited } from '../input/read.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './errors.js';
import type { Lang } from './format.js';

type Text = Record<Lang, string>;

interface NoticeLintOptions {
  json?: boolean;
  lang: Lang;
  channel: NoticeChannel;
}

const SEVERITY: Record<LintSeverity, Text> = {
  'missing-required': { ja: '必須項目の不足', en: 'Missing required part' },
  'looks-like-a-scam': { ja: '詐欺に似た点', en: 'Looks like a scam' },
  advice: { ja: '助言', en: 'Advice' },
};

const L = {
  heading: { ja: 'お知らせ文の点検', en: 'Notice check' },
  clean: {
    ja: '必須の項目はそろっていて、詐欺に似た点は見つかりませんでした。',
    en: 'Every required part is there and nothing looks like a scam.',
  },
  summary: {
    ja: '直すべき点：必須項目の不足 {missing} 件、詐欺に似た点 {scam} 件。助言 {advice} 件。',
    en: 'To fix: {missing} missing required part(s), {scam} scam look-alike(s). {advice} piece(s) of advice.',
  },
  at: { ja: '場所', en: 'At' },
  example: { ja: '例', en: 'For example' },
  parts: { ja: '含まれている項目', en: 'Parts found' },
  organization: { ja: '差出人として読み取った組織', en: 'Sender read as' },
} satisfies Record<string, Text>;

/** "line 3, column 5" for an offset, as an editor counts them (from 1). */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Longest excerpt of the draft shown for one place: enough to find it in the text. */
const MAX_EXCERPT_CHARS = 60;

function place(draft: string, [start, end]: Span, lang: Lang): string {
  const { line, column } = lineAndColumn(draft, start);
  const excerpt = draft.slice(start, Math.min(end, start + MAX_EXCERPT_CHARS)).replace(/\s+/g, ' ');
  const where = lang === 'ja' ? `${line}行目 ${column}文字目` : `line ${line}, column ${column}`;
  return `${where}: 「${excerpt}${end - start > MAX_EXCERPT_CHARS ? '…' : ''}」`;
}

function formatFinding(draft: string, finding: LintFinding, lang: Lang): string[] {
  const lines = [`[${SEVERITY[finding.severity][lang]}] ${finding.title[lang]}  (${finding.code})`];
  for (const span of finding.spans) lines.push(`  ${L.at[lang]} ${place(draft, span, lang)}`);
  lines.push(`  ${finding.message[lang]}`);
  if (finding.example !== null) lines.push(`  ${L.example[lang]}: ${finding.example[lang]}`);
  return lines;
}

export function formatNoticeLint(id: string, draft: string, lint: NoticeLint, lang: Lang): string {
  const out = [`■ ${id} — ${L.heading[lang]}`];
  if (lint.organization !== null) out.push(`${L.organization[lang]}: ${lint.organization.name[lang]} (${lint.organization.id})`);
  out.push(
    needsChanges(lint)
      ? L.summary[lang]
          .replace('{missing}', String(lint.counts['missing-required']))
          .replace('{scam}', String(lint.counts['looks-like-a-scam']))
          .replace('{advice}', String(lint.counts.advice))
      : L.clean[lang],
  );
  for (const finding of lint.findings) out.push('', ...formatFinding(draft, finding, lang));
  const parts = lint.parts.map((p) => `${p.present ? '✓' : p.required ? '✗' : '-'} ${p.label[lang]}`);
  out.push('', `${L.parts[lang]}:`, ...parts.map((p) => `  ${p}`));
  return out.join('\n');
}

async function readDraft(file: string): Promise<string> {
  const bytes = file === '-' ? await readStreamLimited(process.stdin, 'standard input') : await readFileLimited(file);
  const draft = decodeText(bytes);
  try {
    assertDraft(draft);
  } catch (error) {
    if (error instanceof EmptyDraftError) throw new UsageError(`${file === '-' ? 'standard input' : file} is empty: give the text of the notice`);
    if (error instanceof DraftTooLargeError) throw new UsageError(`${file === '-' ? 'standard input' : file}: ${error.message}`);
    throw error;
  }
  return draft;
}

export function registerNoticeCommand(program: Command): void {
  const notice = program.command('notice').description('For organizations: check a draft notice before sending it.');
  notice
    .command('lint')
    .description(
      'Check a draft notice for the parts it must contain (what happened, which items, the cause, secondary harm, what did not leak, measures, what to do, contact point) and for what makes it look like a scam; says what to add or remove. Exit 0: nothing to fix; 1: findings; 2: bad input.',
    )
    .argument('<file>', 'the draft (text, UTF-8 or Shift_JIS); "-" reads standard input')
    .addOption(new Option('--channel <channel>', 'how the notice will be sent').choices([...NOTICE_CHANNELS]).default('letter'))
    .addOption(new Option('--lang <lang>', 'language of the output').choices(['ja', 'en']).default('ja'))
    .option('--json', 'print the findings as JSON')
    .action(async (file: string, options: NoticeLintOptions) => {
      const draft = await readDraft(file);
      const lint = await lintNotice(draft, { channel: options.channel });
      const id = file === '-' ? 'stdin' : file;
      process.stdout.write(`${options.json === true ? JSON.stringify({ id, ...lint }) : formatNoticeLint(id, draft, lint, options.lang)}\n`);
      process.exitCode = needsChanges(lint) ? EXIT_FINDINGS : EXIT_OK;
    });
}
