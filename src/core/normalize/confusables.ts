// Unicode's confusables.txt as shipped by the unhomoglyph package (Unicode 13.0.0, the
// newest copy on the npm registry): each character's prototype, as skeleton.ts looks
// them up. Only data leaves this module: the CLI's build runs it and ships the Map
// serialized (scripts/build-cli.ts, PREBUILT), which V8 reads back in about half the
// time JSON.parse took for the 6,000 entries (two-byte text, escaped in the bundle).
import confusables from 'unhomoglyph/data.json' with { type: 'json' };

/** Character → its prototype (one or more characters). */
export const CONFUSABLE_PROTOTYPES: ReadonlyMap<string, string> = new Map(Object.entries(confusables as Record<string, string>));
