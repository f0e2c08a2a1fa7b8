// What incident search matches against. Both the stored text and the query are folded
// the same way (NFKC, lower case), so ＮＴＴ, NTT and ntt are one name; names are also
// stored without spaces and dots, so "NTT West", "nttwest" and エヌティティ西日本 find
// "NTT West" and エヌ・ティ・ティ西日本.
import { getOrganization } from '../../core/knowledge/organizations.js';
import type { Incident } from '../../core/registry/types.js';

export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Spaces, middle dots, hyphens and full stops: written or left out freely in names. */
const NAME_PUNCTUATION = /[\s・･.\-‐‑–—]+/g;

export function compactName(text: string): string {
  return foldForSearch(text).replace(NAME_PUNCTUATION, '');
}

export function incidentNames(incident: Incident): string[] {
  const names = [incident.title.ja, incident.title.en];
  for (const affected of [...incident.affected, ...(incident.involved ?? [])]) {
    if (affected.name !== undefined) names.push(affected.name.ja, affected.name.en);
    const org = getOrganization(affected.organizationId);
    if (org !== undefined) {
      names.push(org.display.ja, org.display.en, ...org.names.ja, ...org.names.kana, ...org.names.en, ...org.aliases);
      names.push(...org.domains.map((d) => d.domain));
    }
  }
  if (incident.hibp !== undefined) names.push(incident.hibp.Name, incident.hibp.Domain);
  return names.filter((n) => n !== '');
}

export function searchText(incident: Incident): string {
  const names = [...new Set(incidentNames(incident))];
  return [
    ...names.map(foldForSearch),
    ...names.map(compactName),
    foldForSearch(incident.summary.ja),
    foldForSearch(incident.summary.en),
  ].join('\n');
}
