export { MappedText, MappedTextBuilder } from './mapped-text.js';
export { normalizeForMatching, foldForMatching, foldForReading, foldForSearch, evidenceLocator, mappedForReading, type NormalizedText, type InvisibleFinding } from './normalize.js';
export { joinSpacedLetters, type SpacedRun } from './spaced.js';
export { skeleton, skeletonMapped } from './skeleton.js';
