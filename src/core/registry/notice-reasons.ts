// Turning the notice check's findings into reasons and folding them into the verdict:
// the incident.* rules of data/reasons.json give score, severity and wording, and the
// score and risk are summed and thresholded the same way as every other reason.
import { z } from 'zod';
import adviceData from '../../../data/advice.json' with { type: 'json' };
import reasonsData from '../../../data/reasons.json' with { type: 'json' };
import { organizationName } from '../knowledge/organizations.js';
import type { Finding } from '../signals/types.js';
import type { Advice, LocalizedText, Reason, Risk, Severity, Verdict } from '../verdict/types.js';
import { dataClassLabel } from './data-classes.js';
import type { Incident } from './types.js';

const localized = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
const Rules = z.looseObject({
  thresholds: z.strictObject({ medium: z.number(), high: z.number() }),
  reasons: z.array(
    z.strictObject({
      code: z.string(),
      score: z.number(),
      severity: z.enum(['positive', 'info', 'low', 'medium', 'high']),
      message: localized,
    }),
  ),
});
const parsedRules = Rules.parse(reasonsData);
const RULES = new Map(parsedRules.reasons.filter((r) => r.code.startsWith('incident.')).map((r) => [r.code, r]));
const THRESHOLDS = parsedRules.thresholds;
const ADVICE = new Map(
  z
    .object({ advice: z.array(z.looseObject({ code: z.string(), message: localized })) })
    .parse(adviceData)
    .advice.map((a) => [a.code, a.message]),
);

/** Advice for a reader whose message turned out riskier than the rest of the checks said. */
const LOW_RISK_ADVICE = 'low-risk-stay-careful';
const VERIFY_ADVICE = 'verify-via-official-channel';

/** Several data classes in one reason's {dataClass}; no data class name contains it. */
const DATA_CLASS_SEPARATOR = '|';

function render(template: string, finding: Finding, lang: 'ja' | 'en', incidentTitle: LocalizedText | undefined): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => {
    if (key === 'evidence') return finding.evidence;
    if (key === 'incident') return incidentTitle?.[lang] ?? finding.params?.['incident'] ?? whole;
    const value = finding.params?.[key];
    if (value === undefined) return whole;
    if (key === 'organization') return organizationName(value, lang);
    if (key === 'dataClass') {
      return value
        .split(DATA_CLASS_SEPARATOR)
        .map((c) => dataClassLabel(c)[lang])
        .join(lang === 'ja' ? '・' : ', ');
    }
    return value;
  });
}

/** One reason per finding, rendered in both languages. */
export function incidentReason(finding: Finding, incident: Incident | undefined): Reason {
  const rule = RULES.get(finding.code);
  if (rule === undefined) throw new Error(`reason ${finding.code} is not in data/reasons.json`);
  const title = incident?.title;
  return {
    code: finding.code,
    severity: rule.severity as Severity,
    score: rule.score,
    message: { ja: render(rule.message.ja, finding, 'ja', title), en: render(rule.message.en, finding, 'en', title) },
    evidence: finding.evidence,
  };
}

/** At most this many pieces of evidence are listed in one reason (all are in `incident.differences`). */
const MAX_EVIDENCE_PER_REASON = 3;

/** Findings of one code become one reason scored once, as the verdict does for other codes. */
export function incidentReasons(findings: readonly Finding[], incident: Incident | undefined): Reason[] {
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return [...byCode.values()].map((group) => {
    const first = group[0]!;
    const evidence = [...new Set(group.map((f) => f.evidence))].slice(0, MAX_EVIDENCE_PER_REASON);
    const dataClasses = [...new Set(group.map((f) => f.params?.['dataClass']).filter((c) => c !== undefined))];
    const params = dataClasses.length === 0 ? first.params : { ...first.params, dataClass: dataClasses.join(DATA_CLASS_SEPARATOR) };
    const joined: Finding = { ...first, evidence: evidence.join(', '), ...(params === undefined ? {} : { params }) };
    return incidentReason(joined, incident);
  });
}

function riskOf(score: number): Risk {
  if (score >= THRESHOLDS.high) return 'high';
  return score >= THRESHOLDS.medium ? 'medium' : 'low';
}

/** The verdict with the incident reasons added: score summed again, risk and advice following it. */
export function withIncidentReasons(verdict: Verdict, reasons: readonly Reason[]): Verdict {
  if (reasons.length === 0) return verdict;
  const all = [...verdict.reasons, ...reasons];
  const reassuring = (r: Reason): boolean => r.severity === 'positive';
  all.sort((a, b) => (reassuring(a) !== reassuring(b) ? (reassuring(a) ? 1 : -1) : Math.abs(b.score) - Math.abs(a.score)));
  const score = Math.max(0, Math.min(100, Math.round(all.reduce((sum, r) => sum + r.score, 0))));
  const risk = riskOf(score);
  let advice: Advice[] = verdict.advice;
  if (risk !== 'low' && verdict.risk === 'low') {
    advice = advice.filter((a) => a.code !== LOW_RISK_ADVICE);
    const verify = ADVICE.get(VERIFY_ADVICE);
    if (verify !== undefined && !advice.some((a) => a.code === VERIFY_ADVICE)) advice = [{ code: VERIFY_ADVICE, message: verify }, ...advice];
  } else if (risk === 'low' && verdict.risk !== 'low') {
    const stayCareful = ADVICE.get(LOW_RISK_ADVICE);
    if (stayCareful !== undefined) advice = [{ code: LOW_RISK_ADVICE, message: stayCareful }, ...advice];
  }
  return { ...verdict, reasons: all, score, risk, advice };
}
