// Weak evidence from how the text is written: characters of simplified Chinese that
// Japanese does not use (machine-translated or foreign-run phishing), words hidden from
// filters with spaces, look-alike letters or invisible characters. None of it is enough
// alone; it adds to other evidence.
import type { Finding, SignalContext } from './types.js';

/** Simplified Chinese forms whose Japanese counterparts differ (这/這, 帐/帳, 户/戸, 邮/郵,
 * 录/録, 确/確 …). Characters shared with Japanese (的, 号, 点, 系) are left out. */
const SIMPLIFIED_ONLY = new Set(
  '这们说为对时发现进过还应该请问账帐户码务确认银邮录网联线电话单费货运输递您吗呢亲爱贵证验实钱开关门间买卖让设击页详动无续处签订阅览',
);

/** Fewest distinct simplified-only characters before the text counts as written with
 * them: one can be a typo or a name. */
const MIN_SIMPLIFIED = 2;

/** Phrases of Chinese-made Japanese phishing ("尊敬的", a doubled 様). Literals only. */
const TRANSLATION_TELLS = /尊敬的|お客様様|様様|親愛なるお客様/;

/** Runs of alphabetic letters (Latin, Cyrillic, Greek): the words a homoglyph hides in. */
const ALPHABETIC_WORDS = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

const HAS_LETTER = /\p{L}/u;

export function languageFindings({ message, extracted }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  const text = `${message.subject ?? ''}\n${message.from?.name ?? ''}\n${message.text}`;
  const simplified = new Set<string>();
  for (const ch of text) if (SIMPLIFIED_ONLY.has(ch)) simplified.add(ch);
  if (simplified.size >= MIN_SIMPLIFIED) {
    findings.push({ code: 'lang.simplified-chinese', evidence: [...simplified].slice(0, 8).join(' ') });
  }
  const tell = TRANSLATION_TELLS.exec(text);
  if (tell !== null) findings.push({ code: 'lang.translation-tell', evidence: tell[0] });
  for (const word of text.match(ALPHABETIC_WORDS) ?? []) {
    if (!NON_ASCII.test(word)) continue;
    if (SCRIPTS.filter((re) => re.test(word)).length > 1) {
      findings.push({ code: 'lang.mixed-script', evidence: word });
      break;
    }
  }
  // Spaced digits ("easy as 1 2 3", "Steps 1 2 3 4") are counting, not a word pulled
  // apart to slip past filters; only runs with letters count.
  for (const spaced of extracted.spacedWords) {
    if (!HAS_LETTER.test(spaced.joined)) continue;
    findings.push({ code: 'lang.spaced-word', evidence: spaced.joined, location: spaced.location });
  }
  if (extracted.invisible.total > 0) {
    findings.push({
      code: 'lang.invisible',
      evidence: extracted.invisible.codePoints.map((c) => `${c.codePoint}×${c.count}`).join(', '),
    });
  }
  return findings;
}
