// What the CLI's build (build-cli.ts) ships prebuilt, in a module of its own so that a
// test can compare the shipped data with what the modules make (test/node/cli-prebuilt.test.ts).
import { basename } from 'node:path';

export const CLI_OUTDIR = 'dist/cli';

/**
 * Modules whose exports are data made from the bundled knowledge (tables, automata,
 * models): the build runs them and the bundle holds what they exported, not the code
 * that makes it. Making the tables at each start took longer than checking a message.
 */
export const PREBUILT_MODULES = [
  'src/core/extract/organization-dictionaries.ts',
  'src/core/knowledge/phrase-tables.ts',
  'src/core/model/built-models.ts',
  'src/core/normalize/confusables.ts',
  'src/core/signals/brand-candidates.ts',
  // tldts's public suffix trie: typed arrays and the text of the labels (see tldtsEsm in build-cli.ts).
  'node_modules/tldts/dist/es6/src/data/trie.js',
];

/** The file next to the chunks that holds a PREBUILT module's exports (v8.serialize):
 * named after the module, and after its package for one in node_modules. */
export function prebuiltFileName(modulePath: string): string {
  const name = basename(modulePath).replace(/\.[jt]s$/, '');
  const inPackage = /node_modules\/([^/]+)\//.exec(modulePath);
  return `${inPackage === null ? name : `${inPackage[1]}-${name}`}.v8`;
}
