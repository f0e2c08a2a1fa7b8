// `leakaid verify CODE|PAYLOAD [--postal-code 1234567]`: is this notice genuine? A typed
// short code is looked up in the store; a QR payload (the URL from the QR code, or the
// text after its '#') is checked by its signature against the registered keys.
import { type Command, Option } from 'commander';
import type { NoticeVerification } from '../../core/notices/answer.js';
import { isPayloadInput } from '../../core/notices/verify.js';
import { createNoticeVerifier, VerifyInputError } from '../notices/verifier.js';
import { defaultStoreLocation, openStore } from '../store/index.js';
import { UsageError } from './errors.js';
import type { Lang } from './format.js';

const L = {
  genuine: { ja: '✅ 本物です', en: '✅ Genuine' },
  notGenuine: { ja: '⛔ 本物とは確かめられません', en: '⛔ Not confirmed as genuine' },
  issuer: { ja: '送った会社・団体', en: 'Sent by' },
  incident: { ja: '漏えい', en: 'Incident' },
  issued: { ja: '送った日', en: 'Sent on' },
  serial: { ja: '通知番号', en: 'Notice serial' },
  leaked: { ja: '漏れた情報', en: 'What leaked' },
  notLeaked: { ja: '漏れていない情報（発表による）', en: 'What did not leak (as announced)' },
  contacts: { ja: '公式の問い合わせ先（記録より）', en: 'Official contacts (on record)' },
  noContacts: { ja: '出典つきの電話番号は記録にありません。公式サイトで調べてください', en: 'No phone number with a source is on record; look it up on the official website' },
  domains: { ja: '公式サイト', en: 'Official website' },
  keys: { ja: '鍵の公開場所', en: 'Keys published at' },
  todo: { ja: 'どうすればいい？', en: 'What to do' },
  source: { ja: '出典', en: 'source' },
} satisfies Record<string, Record<Lang, string>>;

export function formatVerification(result: NoticeVerification, lang: Lang): string {
  const out = [result.status === 'genuine' ? L.genuine[lang] : L.notGenuine[lang], result.summary[lang], ''];
  const list = (items: { label: Record<Lang, string> }[]) => items.map((i) => i.label[lang]).join(lang === 'ja' ? '、' : ', ');
  if (result.organization !== null) out.push(`${L.issuer[lang]}: ${result.organization.name[lang]} (${result.organization.id})`);
  if (result.incident !== null) out.push(`${L.incident[lang]}: ${result.incident.title[lang]}`);
  if (result.notice !== null) out.push(`${L.issued[lang]}: ${result.notice.issued}`, `${L.serial[lang]}: ${result.notice.serial}`);
  if (result.incident !== null && result.incident.leaked.length > 0) out.push(`${L.leaked[lang]}: ${list(result.incident.leaked)}`);
  if (result.incident !== null && result.incident.notLeaked.length > 0) out.push(`${L.notLeaked[lang]}: ${list(result.incident.notLeaked)}`);
  if (result.organization !== null) {
    if (result.organization.contacts.length === 0) out.push(`${L.contacts[lang]}: ${L.noContacts[lang]}`);
    else out.push(`${L.contacts[lang]}:`, ...result.organization.contacts.map((c) => `- ${c.value}${c.label === undefined ? '' : ` ${c.label[lang]}`}  (${L.source[lang]}: ${c.source})`));
    for (const d of result.organization.domains) out.push(`${L.domains[lang]}: ${d.domain}  (${L.source[lang]}: ${d.source})`);
    if (result.organization.keysPublishedAt !== '') out.push(`${L.keys[lang]}: ${result.organization.keysPublishedAt}`);
  }
  out.push('', `${L.todo[lang]}:`, ...result.advice.map((a) => `- ${a.message[lang]}`));
  return out.join('\n');
}

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('Check whether a notice is genuine: the short code printed on it, or its QR code\'s URL or payload. Exit 0 with the answer; exit 2 when the input cannot be read as either.')
    .argument('<code-or-payload>', 'the short code (K7QM-3XVA-9D2R-HT4W-8, any spacing or case) or the QR payload/URL')
    .option('--postal-code <code>', 'your postal code, to confirm the notice was addressed to you (〒530-0001 or 5300001)')
    .addOption(new Option('--lang <lang>', 'language of the output').choices(['ja', 'en']).default('ja'))
    .option('--json', 'print the result object')
    .option('--db <path>', 'the registry store: a SQLite file or a postgres:// URL (env LEAKAID_DB; default ./var/)')
    .action(async (input: string, options: { postalCode?: string; lang: Lang; json?: boolean; db?: string }) => {
      const request = {
        ...(isPayloadInput(input) ? { payload: input } : { code: input }),
        ...(options.postalCode === undefined ? {} : { postalCode: options.postalCode }),
      };
      const store = await openStore(options.db ?? defaultStoreLocation());
      let result: NoticeVerification;
      try {
        result = (await createNoticeVerifier(store).verify(request)).result;
      } catch (error) {
        if (error instanceof VerifyInputError) throw new UsageError(error.message);
        throw error;
      } finally {
        await store.close();
      }
      if (result.status === 'invalid-format') {
        if (options.json === true) process.stdout.write(`${JSON.stringify(result)}\n`);
        throw new UsageError(result.summary[options.lang]);
      }
      process.stdout.write(`${options.json === true ? JSON.stringify(result) : formatVerification(result, options.lang)}\n`);
    });
}
