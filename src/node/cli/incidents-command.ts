// `leakaid incidents search QUERY | show ID | mine NAME… | import FILE [--format hibp]`:
// the incident registry from the command line. Human output in Japanese by default,
// --lang en, --json.
import { type Command, Option } from 'commander';
import { getOrganization } from '../../core/knowledge/organizations.js';
import { dataClassLabel } from '../../core/registry/data-classes.js';
import { HIBP_ATTRIBUTION } from '../../core/registry/hibp.js';
import { INCIDENT_STATUS_LABELS, NOTIFICATION_METHOD_LABELS } from '../../core/registry/labels.js';
import { incidentsForPicks, toIndexEntry, type IncidentForPicks } from '../../core/registry/incident-index.js';
import { buildDirectory, resolveOrganizationName, type DirectoryOrganization, type NameResolution } from '../../core/registry/organization-directory.js';
import type { Attribution, Incident, IncidentSummary, Source } from '../../core/registry/types.js';
import { importHibpFile, ImportError, type ImportReport } from '../store/hibp-import.js';
import { importRegistryFile, problemLine, RegistryImportError, type RegistryImportReport } from '../store/registry-import.js';
import { defaultStoreLocation, openStore, type Store } from '../store/index.js';
import { EXIT_USAGE, UsageError } from './errors.js';
import type { Lang } from './format.js';

interface CommonOptions {
  json?: boolean;
  lang: Lang;
  db?: string;
}

type Text = Record<Lang, string>;

const L = {
  noResults: { ja: '見つかりませんでした: {q}', en: 'Nothing found for: {q}' },
  records: { ja: '件数', en: 'Records' },
  status: { ja: '確かさ', en: 'Status' },
  announced: { ja: '公表日', en: 'Announced' },
  period: { ja: '期間', en: 'Period' },
  cause: { ja: '原因', en: 'Cause' },
  affected: { ja: '影響を受けた組織', en: 'Organizations affected' },
  involved: { ja: '関わった組織', en: 'Organizations involved' },
  leaked: { ja: '漏れた情報', en: 'What leaked' },
  notLeaked: { ja: '漏れていない情報（発表による）', en: 'What did not leak (as announced)' },
  notified: { ja: 'お知らせの方法', en: 'How people were told' },
  enquiries: { ja: '問い合わせ先', en: 'Enquiries' },
  noEnquiries: { ja: '出典つきの問い合わせ先は記録にありません。公式サイトで確かめてください。', en: 'No enquiry desk with a source is on record. Look it up on the official website.' },
  timeline: { ja: '経過', en: 'Timeline' },
  scams: { ja: 'この後に起きやすい詐欺', en: 'Scams that follow' },
  sources: { ja: '出典', en: 'Sources' },
  unknown: { ja: '不明', en: 'unknown' },
  notOnRecord: { ja: '記録にありません（名前を変えて試すか、leakaid incidents search で探してください）', en: 'not on record (try another form of the name, or leakaid incidents search)' },
  ambiguous: { ja: 'いくつか当てはまります。次のどれかの名前で、もう一度どうぞ', en: 'matches several; run again with one of these names' },
  mineNone: { ja: '選んだ会社・団体の漏えいは、記録にありません。記録にないことは「漏れていない」という意味ではありません。', en: 'No leak is on record for the organizations you gave. Not being on record does not mean nothing leaked.' },
  mineFound: { ja: '記録にある漏えい（新しい順）', en: 'Leaks on record (newest first)' },
  planHint: { ja: 'やることリスト', en: 'To-do list' },
  fromHibp: { ja: 'Have I Been Pwned の記録', en: 'record from Have I Been Pwned' },
} satisfies Record<string, Text>;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function number(n: number | undefined, lang: Lang): string {
  return n === undefined ? L.unknown[lang] : n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
}

function attributionLine(attribution: Attribution, lang: Lang): string {
  return lang === 'ja'
    ? `データ提供: ${attribution.name}（${attribution.url}）、${attribution.license}（${attribution.licenseUrl}）`
    : `Data: ${attribution.name} (${attribution.url}), ${attribution.license} (${attribution.licenseUrl})`;
}

function sourceLine(source: Source): string {
  return [source.publisher, source.date, source.url, source.note].filter((p) => p !== undefined).join(' — ');
}

function organizationLabel(id: string, name: Text | undefined, lang: Lang): string {
  return getOrganization(id)?.display[lang] ?? name?.[lang] ?? id;
}

export function formatSummaries(results: IncidentSummary[], query: string, lang: Lang): string {
  if (results.length === 0) return fill(L.noResults[lang], { q: query });
  const lines: string[] = [];
  for (const r of results) {
    const facts = [r.announcedDate, r.totalRecords === undefined ? undefined : `${number(r.totalRecords, lang)} ${lang === 'ja' ? '件' : 'records'}`];
    lines.push(`${r.id}  ${r.title[lang]}${facts.some((f) => f !== undefined) ? `  (${facts.filter((f) => f !== undefined).join(', ')})` : ''}`);
  }
  const attributions = new Map(results.flatMap((r) => (r.attribution === undefined ? [] : [[r.attribution.name, r.attribution]])));
  for (const a of attributions.values()) lines.push('', attributionLine(a, lang));
  return lines.join('\n');
}

export function formatIncident(incident: Incident, lang: Lang): string {
  const out: string[] = [incident.title[lang], '', incident.summary[lang], ''];
  out.push(`${L.status[lang]}: ${INCIDENT_STATUS_LABELS[incident.status][lang]}`);
  if (incident.announcedDate !== undefined) out.push(`${L.announced[lang]}: ${incident.announcedDate}`);
  if (incident.period !== undefined) out.push(`${L.period[lang]}: ${incident.period.start ?? '?'} – ${incident.period.end ?? ''}`);
  if (incident.totalRecords !== undefined) out.push(`${L.records[lang]}: ${number(incident.totalRecords, lang)}`);
  if (incident.cause !== undefined) out.push(`${L.cause[lang]}: ${incident.cause[lang]}`);
  out.push('', `${L.affected[lang]}:`);
  for (const a of incident.affected) {
    out.push(`- ${organizationLabel(a.organizationId, a.name, lang)}`);
    out.push(`  ${L.records[lang]}: ${a.recordsNote?.[lang] ?? number(a.records, lang)}`);
    out.push(`  ${L.leaked[lang]}: ${a.dataClasses.map((c) => dataClassLabel(c)[lang]).join(lang === 'ja' ? '、' : ', ') || L.unknown[lang]}`);
    if (a.notExposed.length > 0) {
      out.push(`  ${L.notLeaked[lang]}: ${a.notExposed.map((c) => dataClassLabel(c)[lang]).join(lang === 'ja' ? '、' : ', ')}`);
    }
    if (a.notifications.length > 0) {
      out.push(`  ${L.notified[lang]}: ${a.notifications.map((n) => NOTIFICATION_METHOD_LABELS[n.method][lang] + (n.date === undefined ? '' : ` ${n.date}`)).join(', ')}`);
    }
    out.push(`  ${L.enquiries[lang]}: ${a.enquiries.length === 0 ? L.noEnquiries[lang] : a.enquiries.map((e) => e.value).join(', ')}`);
    for (const s of a.sources) out.push(`  · ${sourceLine(s)}`);
  }
  if ((incident.involved ?? []).length > 0) {
    out.push('', `${L.involved[lang]}:`);
    for (const i of incident.involved ?? []) out.push(`- ${organizationLabel(i.organizationId, i.name, lang)}: ${i.role[lang]}`);
  }
  if (incident.timeline.length > 0) {
    out.push('', `${L.timeline[lang]}:`);
    for (const t of incident.timeline) out.push(`- ${t.date} ${t.text[lang]}`);
  }
  if (incident.followUpScams.length > 0) {
    out.push('', `${L.scams[lang]}:`);
    for (const s of incident.followUpScams) out.push(`- ${s.text[lang]}`);
  }
  out.push('', `${L.sources[lang]}:`);
  for (const s of incident.sources) out.push(`- ${sourceLine(s)}`);
  if (incident.attribution !== undefined) out.push('', attributionLine(incident.attribution, lang));
  return out.join('\n');
}

export function formatImport(report: ImportReport, lang: Lang): string {
  const lines = [
    lang === 'ja'
      ? `${report.records} 件の記録を読み込みました（新規 ${report.added}、更新 ${report.updated}、変更なし ${report.unchanged}）。`
      : `Read ${report.records} valid records (${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged).`,
  ];
  if (report.invalid.length > 0) {
    lines.push(lang === 'ja' ? `取り込めなかった記録 ${report.invalid.length} 件:` : `${report.invalid.length} records could not be imported:`);
    for (const bad of report.invalid) lines.push(`- ${lang === 'ja' ? '記録' : 'record'} ${bad.index}: ${bad.reason}`);
  }
  lines.push(attributionLine({ name: 'Have I Been Pwned', url: 'https://haveibeenpwned.com/', license: 'CC BY 4.0', licenseUrl: 'https://creativecommons.org/licenses/by/4.0/' }, lang));
  return lines.join('\n');
}

function listJoin(items: string[], lang: Lang): string {
  return items.join(lang === 'ja' ? '、' : ', ');
}

export interface MineResult {
  names: { name: string; resolution: NameResolution }[];
  incidents: IncidentForPicks[];
}

function orgLine(org: DirectoryOrganization, lang: Lang): string {
  return `${org.display[lang]} (${org.id})`;
}

export function formatMine(result: MineResult, lang: Lang): string {
  const out: string[] = [];
  for (const { name, resolution } of result.names) {
    if (resolution.kind === 'found') out.push(`${name} → ${resolution.organizations.map((o) => orgLine(o, lang)).join(', ')}`);
    else if (resolution.kind === 'unknown') out.push(`${name} → ${L.notOnRecord[lang]}`);
    else out.push(`${name} → ${L.ambiguous[lang]}: ${resolution.candidates.map((o) => o.display[lang]).join(' / ')}`);
  }
  out.push('');
  if (result.incidents.length === 0) {
    out.push(L.mineNone[lang]);
    return out.join('\n');
  }
  out.push(`${L.mineFound[lang]}:`);
  for (const { entry, picked } of result.incidents) {
    const origin = entry.fromHibp !== true ? '' : lang === 'ja' ? `（${L.fromHibp.ja}）` : ` (${L.fromHibp.en})`;
    out.push('', `${entry.date ?? L.unknown[lang]}  ${entry.title[lang]}${origin}`, `  ${entry.id}`);
    for (const a of picked) {
      out.push(`  - ${organizationLabel(a.organizationId, a.name, lang)}`);
      out.push(`    ${L.leaked[lang]}: ${listJoin(a.dataClasses.map((c) => dataClassLabel(c)[lang]), lang) || L.unknown[lang]}`);
      if (a.notExposed.length > 0) out.push(`    ${L.notLeaked[lang]}: ${listJoin(a.notExposed.map((c) => dataClassLabel(c)[lang]), lang)}`);
      out.push(`    ${L.planHint[lang]}: leakaid plan --incident ${entry.id} --org ${a.organizationId}`);
    }
  }
  if (result.incidents.some((r) => r.entry.fromHibp === true)) out.push('', attributionLine(HIBP_ATTRIBUTION, lang));
  return out.join('\n');
}

export function formatRegistryImport(report: RegistryImportReport, lang: Lang): string {
  return lang === 'ja'
    ? `${report.records} 件の記録を読み込みました（新規 ${report.added}、更新 ${report.updated}、変更なし ${report.unchanged}）。`
    : `Read ${report.records} records (${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged).`;
}

async function withStore<T>(options: CommonOptions, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options.db ?? defaultStoreLocation());
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function common(command: Command): Command {
  return command
    .addOption(new Option('--lang <lang>', 'language of the output').choices(['ja', 'en']).default('ja'))
    .option('--json', 'print JSON')
    .option('--db <path>', 'the registry store: a SQLite file or a postgres:// URL (env LEAKAID_DB; default ./var/)');
}

export function registerIncidentsCommand(program: Command): void {
  const incidents = program.command('incidents').description('The incident registry: search, show and import leaks on record.');
  common(incidents.command('search').description('Find incidents by organization or incident name (Japanese or English).'))
    .argument('<query>', 'a name or part of one: NTT西日本, "NTT West", 西日本')
    .action(async (query: string, options: CommonOptions) => {
      if (query.trim() === '') throw new UsageError('give a name to search for');
      const results = await withStore(options, (store) => store.searchIncidents(query));
      print(options.json === true ? JSON.stringify(results) : formatSummaries(results, query, options.lang));
    });
  common(incidents.command('show').description('Show one incident: who was affected, what leaked and what did not, sources.'))
    .argument('<id>', 'the incident id, as search shows it')
    .action(async (id: string, options: CommonOptions) => {
      const incident = await withStore(options, (store) => store.getIncident(id));
      if (incident === undefined) throw new UsageError(`no incident with id "${id}" (try: leakaid incidents search NAME)`);
      print(options.json === true ? JSON.stringify(incident) : formatIncident(incident, options.lang));
    });
  common(incidents.command('mine').description('Which of my companies leaked? Give the companies and public bodies you deal with; see the leaks on record for them, newest first.'))
    .argument('<names...>', 'names in any form: NTT西日本, "NTT West", ドコモ, 尼崎市')
    .action(async (names: string[], options: CommonOptions) => {
      const given = names.map((n) => n.trim()).filter((n) => n !== '');
      if (given.length === 0) throw new UsageError('give at least one company or organization name');
      const result = await withStore(options, async (store) => {
        const entries = (await store.listIncidents()).map(toIndexEntry);
        const directory = buildDirectory(entries);
        const resolved = given.map((name) => ({ name, resolution: resolveOrganizationName(directory, name) }));
        const ids = resolved.flatMap((r) => (r.resolution.kind === 'found' ? r.resolution.organizations.map((o) => o.id) : []));
        return { names: resolved, incidents: incidentsForPicks(entries, ids) };
      });
      if (options.json === true) {
        print(
          JSON.stringify({
            names: result.names.map(({ name, resolution }) => ({
              name,
              found: resolution.kind === 'found' ? resolution.organizations.map((o) => o.id) : [],
              ...(resolution.kind === 'ambiguous' ? { candidates: resolution.candidates.map((o) => o.id) } : {}),
            })),
            incidents: result.incidents.map(({ entry, picked }) => ({ ...entry, affected: picked })),
          }),
        );
      } else {
        print(formatMine(result, options.lang));
      }
    });
  common(incidents.command('import').description("Import incidents in the registry's own format (one incident or an array; see GET /api/schema/incident.json), or Have I Been Pwned's /api/v3/breaches JSON with --format hibp."))
    .argument('<file>', 'a JSON file: one incident or an array of them (or, with --format hibp, an array of breaches)')
    .addOption(new Option('--format <format>', 'the file format').choices(['registry', 'hibp']).default('registry'))
    .action(async (file: string, options: CommonOptions & { format: 'registry' | 'hibp' }) => {
      if (options.format === 'registry') {
        try {
          const report = await withStore(options, (store) => importRegistryFile(store, file));
          print(options.json === true ? JSON.stringify(report) : formatRegistryImport(report, options.lang));
        } catch (error) {
          if (!(error instanceof RegistryImportError)) throw error;
          // Every problem, one per line, so a contributor can fix the file in one pass.
          if (options.json === true) print(JSON.stringify({ imported: false, problems: error.problems }));
          const heading =
            options.lang === 'ja'
              ? `leakaid: ${file}: 問題が ${error.problems.length} 件あります。何も取り込んでいません:`
              : `leakaid: ${file}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; nothing was imported:`;
          process.stderr.write(`${heading}\n${error.problems.map((p) => `  ${problemLine(p)}\n`).join('')}`);
          process.exitCode = EXIT_USAGE;
        }
        return;
      }
      try {
        const report = await withStore(options, (store) => importHibpFile(store, file));
        print(options.json === true ? JSON.stringify(report) : formatImport(report, options.lang));
      } catch (error) {
        if (error instanceof ImportError) throw new UsageError(`${file}: ${error.message}`);
        throw error;
      }
    });
}
