// `leakaid org ID|NAME`: one organization — its official domains, phone numbers and SMS
// senders with their sources, the incidents on record for it, and how it told people
// (what a genuine notice from it looks like). The same page as the web app's /org/ID.
import { type Command, Option } from 'commander';
import { dataClassLabel } from '../../core/registry/data-classes.js';
import { toIndexEntry } from '../../core/registry/incident-index.js';
import { NOTIFICATION_METHOD_LABELS } from '../../core/registry/labels.js';
import { buildDirectory, organizationProfile, resolveOrganizationName, type OrganizationProfile } from '../../core/registry/organization-directory.js';
import { defaultStoreLocation, openStore } from '../store/index.js';
import { UsageError } from './errors.js';
import type { Lang } from './format.js';

type Text = Record<Lang, string>;

const L = {
  domains: { ja: '公式サイト・メールのドメイン', en: 'Official web and mail domains' },
  phones: { ja: '公式の電話番号', en: 'Official phone numbers' },
  sms: { ja: 'SMSの送信元', en: 'SMS senders' },
  noChannels: {
    ja: '公式の連絡先は、出典つきではまだ記録されていません。会社・団体の公式サイトで確かめてください。',
    en: 'No official contact details with a source are on record yet. Look them up on the official website.',
  },
  incidents: { ja: '記録にある漏えい（新しい順）', en: 'Leaks on record (newest first)' },
  noIncidents: { ja: 'この会社・団体の漏えいは記録にありません。', en: 'No leak is on record for this organization.' },
  notices: { ja: 'これまでのお知らせの方法', en: 'How it has told people before' },
  leaked: { ja: '漏れた情報', en: 'What leaked' },
  involved: { ja: '関わり', en: 'Part' },
  checked: { ja: '確認', en: 'checked' },
  source: { ja: '出典', en: 'source' },
} satisfies Record<string, Text>;

function join(items: string[], lang: Lang): string {
  return items.join(lang === 'ja' ? '、' : ', ');
}

export function formatProfile(profile: OrganizationProfile, lang: Lang): string {
  const out: string[] = [`${profile.display[lang]} (${profile.id})`, ''];
  const org = profile.organization;
  const hasChannels = org !== undefined && org.domains.length + org.phones.length + org.smsSenders.length > 0;
  if (!hasChannels) out.push(L.noChannels[lang]);
  if (org !== undefined && org.domains.length > 0) {
    out.push(`${L.domains[lang]}:`);
    for (const d of org.domains) out.push(`- ${d.domain}  (${L.source[lang]}: ${d.source}, ${L.checked[lang]} ${d.checked})`);
  }
  if (org !== undefined && org.phones.length > 0) {
    out.push(`${L.phones[lang]}:`);
    for (const p of org.phones) out.push(`- ${p.number} ${p.purpose}  (${L.source[lang]}: ${p.source}, ${L.checked[lang]} ${p.checked})`);
  }
  if (org !== undefined && org.smsSenders.length > 0) {
    out.push(`${L.sms[lang]}:`);
    for (const s of org.smsSenders) out.push(`- ${s.sender}  (${L.source[lang]}: ${s.source}, ${L.checked[lang]} ${s.checked})`);
  }
  out.push('');
  if (profile.incidents.length === 0) out.push(L.noIncidents[lang]);
  else out.push(`${L.incidents[lang]}:`);
  for (const incident of profile.incidents) {
    out.push(`- ${incident.date ?? '?'}  ${incident.title[lang]}  [${incident.id}]`);
    if (incident.affected !== undefined && incident.affected.dataClasses.length > 0) {
      out.push(`  ${L.leaked[lang]}: ${join(incident.affected.dataClasses.map((c) => dataClassLabel(c)[lang]), lang)}`);
    }
    if (incident.involved !== undefined) out.push(`  ${L.involved[lang]}: ${incident.involved.role[lang]}`);
  }
  if (profile.noticeMethods.length > 0) {
    out.push('', `${L.notices[lang]}:`);
    for (const n of profile.noticeMethods) {
      const sources = n.sources.map((s) => s.url ?? s.publisher).join(' ; ');
      out.push(`- ${NOTIFICATION_METHOD_LABELS[n.method][lang]}${n.date === undefined ? '' : ` ${n.date}`}  [${n.incidentId}]  (${L.source[lang]}: ${sources})`);
    }
  }
  return out.join('\n');
}

interface OrgOptions {
  json?: boolean;
  lang: Lang;
  db?: string;
}

export function registerOrgCommand(program: Command): void {
  program
    .command('org')
    .description('One organization: its official domains, phone numbers and SMS senders (with sources), its leaks on record, and how it told people.')
    .argument('<id-or-name>', 'an id (ntt-west) or a name in any form: NTT西日本, "NTT West", ドコモ')
    .addOption(new Option('--lang <lang>', 'language of the output').choices(['ja', 'en']).default('ja'))
    .option('--json', 'print JSON')
    .option('--db <path>', 'the registry store: a SQLite file or a postgres:// URL (env LEAKAID_DB; default ./var/)')
    .action(async (idOrName: string, options: OrgOptions) => {
      if (idOrName.trim() === '') throw new UsageError('give an organization id or name');
      const store = await openStore(options.db ?? defaultStoreLocation());
      let profile: OrganizationProfile | undefined;
      try {
        const directory = buildDirectory((await store.listIncidents()).map(toIndexEntry));
        const resolution = resolveOrganizationName(directory, idOrName);
        if (resolution.kind === 'unknown') throw new UsageError(`no organization "${idOrName.slice(0, 80)}" on record (try: leakaid incidents search NAME)`);
        if (resolution.kind === 'ambiguous' || resolution.organizations.length > 1) {
          const candidates = resolution.kind === 'ambiguous' ? resolution.candidates : resolution.organizations;
          throw new UsageError(`"${idOrName.slice(0, 80)}" matches several organizations: ${candidates.map((o) => `${o.display[options.lang]} (${o.id})`).join(', ')}`);
        }
        const id = resolution.organizations[0]!.id;
        profile = organizationProfile(id, await store.incidentsForOrganizations([id]));
      } finally {
        await store.close();
      }
      if (profile === undefined) throw new UsageError(`no organization "${idOrName.slice(0, 80)}" on record`);
      process.stdout.write(`${options.json === true ? JSON.stringify(profile) : formatProfile(profile, options.lang)}\n`);
    });
}
