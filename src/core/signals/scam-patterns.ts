// Evidence from Japan's known scam patterns (data/scam-patterns.json): the National
// Police Agency's 特殊詐欺 types and the follow-up scams consumer centres warn about,
// each a combination of concepts — an actor, a pretext, an object, a means — found in
// the sentences that speak for the message (a warning that describes a pattern does not
// match it: extract/requests.ts leaves such sentences out).
import { SCENARIOS, type Scenario } from '../knowledge/scam-patterns.js';
import type { Finding, SignalContext } from './types.js';

function match(scenario: Scenario, concepts: SignalContext['reading']['concepts']): string[] | null {
  const pick = (group: string[], sentence: number | null): string | undefined =>
    concepts.find((c) => group.includes(c.hit.concept) && (sentence === null || c.sentence === sentence))?.hit.term;
  if (scenario.scope === 'message') {
    const terms = scenario.needs.map((group) => pick(group, null));
    return terms.every((t) => t !== undefined) ? (terms as string[]) : null;
  }
  for (const sentence of new Set(concepts.map((c) => c.sentence))) {
    const terms = scenario.needs.map((group) => pick(group, sentence));
    if (terms.every((t) => t !== undefined)) return terms as string[];
  }
  return null;
}

export function scamPatternFindings({ message, reading }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  for (const scenario of SCENARIOS) {
    if (scenario.channels !== undefined && !scenario.channels.includes(message.channel)) continue;
    const terms = match(scenario, reading.concepts);
    if (terms !== null) findings.push({ code: `pattern.${scenario.id}`, evidence: [...new Set(terms)].join('・') });
  }
  return findings;
}
