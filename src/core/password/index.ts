// Passwords: strength with Japanese-aware advice, and the k-anonymity breach check.
//
//   strength(password, userInputs?) → { score 0–4, guessesLog10, summary, warning,
//     suggestions, japaneseHabits, truncated }   (all texts as { ja, en })
//   pwnedCount(password, { endpoint?, fetch?, padding? }) → times seen in breaches
//
// Both run in the browser; pwnedCount sends only the first 5 hex characters of the
// password's SHA-1.
export { strength, MAX_SCORED_PASSWORD_CHARS, type StrengthResult } from './strength.js';
export type { JapaneseHabit, JapaneseHabitKind } from './japanese-habits.js';
export {
  pwnedCount,
  sha1Hex,
  countInRange,
  RangeServiceError,
  DEFAULT_RANGE_ENDPOINT,
  HIBP_RANGE_ENDPOINT,
  RANGE_PREFIX_LENGTH,
  type PwnedOptions,
} from './pwned.js';
