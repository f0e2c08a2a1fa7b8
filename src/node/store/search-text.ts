// What incident search matches against. Both the stored text and the query are folded
// the same way (NFKC, lower case, hiragana as katakana), so ＮＴＴ, NTT and ntt
// are one name; names are also stored compacted (compactName: no spaces or dots), so
// "NTT West", "nttwest", エヌティティ西日本 and にしにほん… find "NTT West",
// エヌ・ティ・ティ西日本 and ニシニホン….
import { compactName, getOrganization, organizationNames } from '../../core/knowledge/organizations.js';
import { foldForSearch } from '../../core/normalize/index.js';
import type { Incident } from '../../core/registry/types.js';

/** Folded for search, with runs of white space as one space. */
export function searchForm(text: string): string {
  return foldForSearch(text).replace(/\s+/g, ' ').trim();
}

export function incidentNames(incident: Incident): string[] {
  const names = [incident.title.ja, incident.title.en];
  for (const affected of [...incident.affected, ...(incident.involved ?? [])]) {
    if (affected.name !== undefined) names.push(affected.name.ja, affected.name.en);
    const org = getOrganization(affected.organizationId);
    if (org !== undefined) names.push(...organizationNames(org));
  }
  if (incident.hibp !== undefined) names.push(incident.hibp.Name, incident.hibp.Domain);
  return names.filter((n) => n !== '');
}

export function searchText(incident: Incident): string {
  const names = [...new Set(incidentNames(incident))];
  return [
    ...names.map(searchForm),
    ...names.map(compactName),
    searchForm(incident.summary.ja),
    searchForm(incident.summary.en),
  ].join('\n');
}
