// Lure phrases: the words scams use to get a person to act (give a password, pay by gift
// card, call back, let someone delete "leaked data"), grouped by family, plus two
// families of genuine-notice wording used as positive evidence. The phrases are data
// (data/lures.json), validated once at load like organizations.ts; this module also
// compiles them into one matcher.
//
// Phrases are written the way they appear after foldForMatching (NFKC + lower case):
// ASCII in lower case, Japanese as written. Full-width letters, half-width kana and
// "①"-style digits are handled by the normalization, not by listing variants.
import { z } from 'zod';
import data from '../../../data/lures.json' with { type: 'json' };

/** Family ids are stable: reason codes and tests refer to them. */
export const LURE_FAMILY_IDS = [
  'credential-request',
  'card-request',
  'bank-request',
  'personal-data-request',
  'payment-demand',
  'gift-card-crypto',
  'urgency-threat',
  'account-problem',
  'delivery-failure',
  'refund-benefit-prize',
  'atm-refund',
  'app-install',
  'remote-access',
  'contact-me',
  'data-deletion-offer',
  'countermeasure-fee',
  'fake-compensation',
  'notice-nothing-asked',
  'notice-apology',
] as const;

export type LureFamilyId = (typeof LURE_FAMILY_IDS)[number];

/** 'strong': rare in genuine mail. 'weak': common in genuine mail too (お支払い, 再配達,
 * a card company's real fraud alert), so only worth something next to other evidence. */
export type LureWeight = 'strong' | 'weak';

const nonEmpty = z.string().trim().min(1);
const sourceUrl = z.url({ protocol: /^https?$/ });

/** A phrase must already be in the form the matcher sees: NFKC, lower case, no
 * surrounding or doubled white space. */
const phraseText = z
  .string()
  .min(1)
  .refine((p) => p === p.normalize('NFKC').toLowerCase(), { message: 'not in NFKC lower-case form (write ASCII in lower case, no full-width letters)' })
  .refine((p) => p === p.trim() && !/\s{2}|[\n\r\t]/.test(p), { message: 'leading, trailing, doubled or non-space white space' });

const LurePhraseSchema = z
  .strictObject({
    phrase: phraseText,
    /** Omitted for brand names that read the same in both (anydesk, whatsapp, apk). */
    lang: z.enum(['ja', 'en']).optional(),
    weight: z.enum(['strong', 'weak']),
  })
  .superRefine((p, ctx) => {
    const ascii = /^[\x20-\x7e]+$/.test(p.phrase);
    if (p.lang === 'en' && !ascii) ctx.addIssue({ code: 'custom', message: `"${p.phrase}" is marked en but is not ASCII` });
    if (p.lang === 'ja' && ascii) ctx.addIssue({ code: 'custom', message: `"${p.phrase}" is marked ja but is ASCII only` });
  });

const LureFamilySchema = z.strictObject({
  id: z.enum(LURE_FAMILY_IDS),
  /** 'lure': evidence of a scam. 'notice': wording of a genuine notice (positive
   * evidence, or a marker the notice check uses). */
  kind: z.enum(['lure', 'notice']),
  /** One line, English. */
  description: nonEmpty,
  /** A public page describing the lure (or, for notice families, genuine wording). */
  source: sourceUrl,
  seeAlso: z.array(sourceUrl).optional(),
  checked: z.iso.date(),
  /** Where the source is weak or indirect, say so. */
  note: nonEmpty.optional(),
  phrases: z.array(LurePhraseSchema).min(1),
});

export type LurePhrase = z.infer<typeof LurePhraseSchema>;
export type LureFamily = z.infer<typeof LureFamilySchema>;

const LuresFileSchema = z.strictObject({ families: z.array(LureFamilySchema) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.families.forEach((family, i) => {
    if (seen.has(family.id)) ctx.addIssue({ code: 'custom', message: `duplicate family ${family.id}`, path: ['families', i, 'id'] });
    seen.add(family.id);
    const phrases = new Set<string>();
    family.phrases.forEach((p, j) => {
      if (phrases.has(p.phrase)) {
        ctx.addIssue({ code: 'custom', message: `"${p.phrase}" listed twice in ${family.id}`, path: ['families', i, 'phrases', j, 'phrase'] });
      }
      phrases.add(p.phrase);
    });
  });
  for (const id of LURE_FAMILY_IDS) {
    if (!seen.has(id)) ctx.addIssue({ code: 'custom', message: `family ${id} is missing`, path: ['families'] });
  }
});

/** Validates lure data; throws with every problem listed. Exported for tests and for
 * tools that check a data change before it is committed. */
export function parseLures(input: unknown): LureFamily[] {
  const result = LuresFileSchema.safeParse(input);
  if (!result.success) throw new Error(`data/lures.json is invalid:\n${z.prettifyError(result.error)}`);
  return result.data.families;
}

export const LURE_FAMILIES: readonly LureFamily[] = Object.freeze(parseLures(data));

const familyById = new Map<LureFamilyId, LureFamily>(LURE_FAMILIES.map((f) => [f.id, f]));

export function getLureFamily(id: LureFamilyId): LureFamily {
  const family = familyById.get(id);
  // Unreachable: parseLures checks every id is present.
  if (family === undefined) throw new Error(`unknown lure family ${id}`);
  return family;
}

export interface LureHit {
  family: LureFamilyId;
  /** The phrase as listed (equal to the matched text). */
  phrase: string;
  weight: LureWeight;
  /** [start, end) in UTF-16 code units of the text given to findLures. */
  span: [number, number];
}

interface Owner {
  family: LureFamilyId;
  weight: LureWeight;
}

// --- The matcher -------------------------------------------------------------------
//
// All phrases go into ONE regular expression, built as a trie (phrases sharing a
// prefix share a branch: カード(?:番号(?:を(?:入力|ご入力|教えて))?|情報…)). One scan
// with it finds every phrase in text order.
//
// Why this is linear in the text length: the pattern is a finite set of literals, with
// no quantifiers, so at each start position the engine walks at most one trie path
// (depth ≤ the longest phrase) plus the sibling characters it rejects; there is no
// nested repetition for a backtracking engine to explode on. The work per position is
// bounded by the pattern, a constant, so the scan is O(text length). V8 also skips
// start positions whose character cannot begin any phrase, so ordinary text costs little.
// Measured on this 2-core machine with 576 distinct phrases: about 98 million characters a
// second (49,000 two-kilobyte messages), against 22 million for a flat longest-first
// alternation of the same literals; compiling at load takes about 3 ms.
//
// Longest first: at each trie node the longer continuations are tried before the
// phrase that ends there, so at a given start the longest phrase wins (暗証番号を入力
// rather than 暗証番号). Matches do not overlap: a shorter phrase inside a longer match
// is not reported again (個人情報 inside 個人情報を削除). A phrase listed in several
// families (不正アクセス: account-problem and notice-apology) yields one hit per family.
//
// Word boundaries: a phrase that starts with an ASCII letter or digit must not follow
// one, and one that ends with an ASCII letter or digit must not be followed by one, so
// "pin" does not match in "shopping". Japanese has no spaces between words, so Japanese
// characters never need a boundary: 暗証番号 matches inside お客様の暗証番号を.

const WORD = 'a-z0-9_';
const isWordChar = (ch: string): boolean => /^[a-z0-9_]$/.test(ch);
const escapeChar = (ch: string): string => (/[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch);

interface TrieNode {
  children: Map<string, TrieNode>;
  /** A phrase ends here. */
  end: boolean;
}

function newNode(): TrieNode {
  return { children: new Map(), end: false };
}

function emit(node: TrieNode, lastChar: string): string {
  const alternatives: string[] = [];
  // Longer phrases first: every continuation before the phrase that ends here.
  for (const [ch, child] of node.children) alternatives.push(escapeChar(ch) + emit(child, ch));
  if (node.end) alternatives.push(isWordChar(lastChar) ? `(?![${WORD}])` : '');
  if (alternatives.length === 1) return alternatives[0] ?? '';
  return `(?:${alternatives.join('|')})`;
}

function compile(families: readonly LureFamily[]): { pattern: RegExp; owners: Map<string, Owner[]> } {
  const owners = new Map<string, Owner[]>();
  for (const family of families) {
    for (const p of family.phrases) {
      const list = owners.get(p.phrase) ?? [];
      list.push({ family: family.id, weight: p.weight });
      owners.set(p.phrase, list);
    }
  }
  // Two tries at the root: phrases that start with an ASCII word character need the
  // look-behind boundary; the rest do not.
  const wordStart = newNode();
  const otherStart = newNode();
  for (const phrase of owners.keys()) {
    let node = isWordChar(phrase.charAt(0)) ? wordStart : otherStart;
    for (const ch of phrase) {
      // Iterating by code point keeps surrogate pairs together in one branch.
      let next = node.children.get(ch);
      if (next === undefined) {
        next = newNode();
        node.children.set(ch, next);
      }
      node = next;
    }
    node.end = true;
  }
  const branches: string[] = [];
  if (wordStart.children.size > 0) branches.push(`(?<![${WORD}])${emit(wordStart, '')}`);
  if (otherStart.children.size > 0) branches.push(emit(otherStart, ''));
  // 'u' so that code-point branches (surrogate pairs) are single characters.
  return { pattern: new RegExp(branches.join('|'), 'gu'), owners };
}

const compiled = compile(LURE_FAMILIES);

/**
 * Every lure and genuine-notice phrase in `normalizedLowerText`, in text order (hits
 * for the same span in family order). The text must already be folded the way the
 * phrases are: normalizeForMatching(...).mapped.text lower-cased, or foldForMatching.
 * Spans index that text; map them back to the original with the MappedText.
 */
export function findLures(normalizedLowerText: string): LureHit[] {
  return findPhrases(compiled, normalizedLowerText);
}

/** A matcher over other lure data (tests, tools that try a data change). */
export function compileLureMatcher(families: readonly LureFamily[]): (normalizedLowerText: string) => LureHit[] {
  const matcher = compile(families);
  return (text) => findPhrases(matcher, text);
}

function findPhrases(matcher: { pattern: RegExp; owners: Map<string, Owner[]> }, text: string): LureHit[] {
  const hits: LureHit[] = [];
  // The shared pattern's lastIndex is state; resetting it here is safe because nothing
  // in the loop below calls out of this function, so no other scan can interleave.
  const pattern = matcher.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const phrase = m[0];
    const start = m.index;
    for (const owner of matcher.owners.get(phrase) ?? []) {
      hits.push({ family: owner.family, phrase, weight: owner.weight, span: [start, start + phrase.length] });
    }
  }
  return hits;
}
