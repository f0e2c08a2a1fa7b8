// The verdict: every evidence module's findings, scored by data/reasons.json (as
// SpamAssassin scores its rules), summed into a 0–100 score and a risk level, with the
// reasons in both languages and advice for the reader's next step.
import { z } from 'zod';
import adviceData from '../../../data/advice.json' with { type: 'json' };
import reasonsData from '../../../data/reasons.json' with { type: 'json' };
import type { Extracted } from '../extract/types.js';
import { organizationName } from '../knowledge/organizations.js';
import type { Message } from '../message/types.js';
import { attachmentFindings } from '../signals/attachments.js';
import { findClaims } from '../signals/claims.js';
import { contentFindings } from '../signals/content.js';
import { languageFindings } from '../signals/language.js';
import { linkFindings } from '../signals/links.js';
import { modelFindings } from '../signals/model.js';
import { phoneFindings } from '../signals/phones.js';
import { senderFindings } from '../signals/sender.js';
import type { Finding, SignalContext, SignalModule } from '../signals/types.js';
import type { Advice, LocalizedText, Reason, Risk, Severity, Verdict } from './types.js';

const localized = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });

const ReasonsFile = z.strictObject({
  /** Scores at or above which the risk is medium / high. */
  thresholds: z.strictObject({ medium: z.number(), high: z.number() }),
  reasons: z.array(
    z.strictObject({
      code: z.string().regex(/^[a-z]+(?:\.[a-z0-9-]+)+$/),
      score: z.number(),
      severity: z.enum(['positive', 'info', 'low', 'medium', 'high']),
      message: localized,
    }),
  ),
});

const AdviceFile = z.strictObject({
  advice: z.array(z.strictObject({ code: z.string().min(1), message: localized, sources: z.array(z.url()) })),
});

const REASONS = ReasonsFile.parse(reasonsData);
const RULES = new Map(REASONS.reasons.map((r) => [r.code, r]));
const ADVICE = new Map(AdviceFile.parse(adviceData).advice.map((a) => [a.code, a]));

/** Every reason code the scoring data knows; the evidence modules may emit no other. */
export const REASON_CODES: readonly string[] = [...RULES.keys()];

const MODULES: SignalModule[] = [
  senderFindings,
  linkFindings,
  phoneFindings,
  contentFindings,
  languageFindings,
  attachmentFindings,
  modelFindings,
];

/** More evidence of one reason is listed, up to this many items, but scored once. */
const MAX_EVIDENCE_PER_REASON = 3;

function render(template: string, finding: Finding, lang: 'ja' | 'en'): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => {
    if (key === 'evidence') return finding.evidence;
    const value = finding.params?.[key];
    if (value === undefined) return whole;
    return key === 'organization' ? organizationName(value, lang) : value;
  });
}

function toReason(code: string, findings: Finding[]): Reason {
  const rule = RULES.get(code);
  if (rule === undefined) throw new Error(`reason ${code} is not in data/reasons.json`);
  const first = findings[0]!;
  const evidence = [...new Set(findings.map((f) => f.evidence))].slice(0, MAX_EVIDENCE_PER_REASON).join(', ');
  const shown = { ...first, evidence };
  const message: LocalizedText = { ja: render(rule.message.ja, shown, 'ja'), en: render(rule.message.en, shown, 'en') };
  const reason: Reason = { code, severity: rule.severity as Severity, score: rule.score, message, evidence };
  if (first.location !== undefined) reason.location = first.location;
  return reason;
}

function riskOf(score: number): Risk {
  if (score >= REASONS.thresholds.high) return 'high';
  return score >= REASONS.thresholds.medium ? 'medium' : 'low';
}

/** Whether a strong (not ".weak") reason of one of these lure families is present. */
const hasLure = (reasons: Reason[], ...families: string[]): boolean =>
  reasons.some((r) => families.some((family) => r.code === `lure.${family}`));

function chooseAdvice(risk: Risk, reasons: Reason[], message: Message, extracted: Extracted): Advice[] {
  const codes: string[] = [];
  const worrying = reasons.filter((r) => r.score > 0);
  if (risk === 'low') {
    codes.push('low-risk-stay-careful');
  } else {
    if (extracted.urls.length > 0) codes.push('dont-open-link');
    if (extracted.phones.length > 0 || message.replyTo.length > 0 || message.channel === 'call') codes.push('dont-reply-or-call');
    codes.push('verify-via-official-channel');
    if (hasLure(worrying, 'credential-request', 'card-request', 'bank-request')) codes.push('never-share-secrets');
    if (extracted.urls.length > 0) codes.push('if-already-entered');
  }
  if (hasLure(worrying, 'data-deletion-offer', 'countermeasure-fee')) codes.push('never-pay-to-delete');
  if (risk === 'high' && (message.channel === 'email' || message.channel === 'sms') && extracted.urls.length > 0) {
    codes.push('report-phishing');
  }
  const money = ['payment-demand', 'gift-card-crypto', 'data-deletion-offer', 'countermeasure-fee', 'fake-compensation'];
  if (risk !== 'low' && hasLure(worrying, ...money)) codes.push('consult-188');
  if (risk === 'high' && hasLure(worrying, 'urgency-threat', 'data-deletion-offer', 'remote-access')) codes.push('police-9110');
  return [...new Set(codes)].map((code) => {
    const advice = ADVICE.get(code);
    if (advice === undefined) throw new Error(`advice ${code} is not in data/advice.json`);
    return { code, message: advice.message };
  });
}

export function judge(message: Message, extracted: Extracted): Verdict {
  const claims = findClaims(message, extracted);
  const context: SignalContext = { message, extracted, claims };
  const byCode = new Map<string, Finding[]>();
  for (const module of MODULES) {
    for (const finding of module(context)) {
      const list = byCode.get(finding.code);
      if (list === undefined) byCode.set(finding.code, [finding]);
      else list.push(finding);
    }
  }
  const reasons = [...byCode].map(([code, findings]) => toReason(code, findings));
  // Strongest warnings first, then the evidence that the message is genuine.
  const reassuring = (r: Reason): boolean => r.severity === 'positive';
  reasons.sort((a, b) =>
    reassuring(a) !== reassuring(b) ? (reassuring(a) ? 1 : -1) : Math.abs(b.score) - Math.abs(a.score),
  );
  const total = reasons.reduce((sum, r) => sum + r.score, 0);
  const score = Math.max(0, Math.min(100, Math.round(total)));
  const risk = riskOf(score);
  return {
    risk,
    score,
    reasons,
    advice: chooseAdvice(risk, reasons, message, extracted),
    claimed: { organizations: claims.organizations.map((o) => o.id) },
    breachNotice: byCode.has('content.breach-notice'),
  };
}
