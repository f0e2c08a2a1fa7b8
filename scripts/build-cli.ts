// Bundles the CLI (and the check worker it starts) into dist/cli with esbuild. One file
// per command instead of some 200 modules: Node resolves, reads and compiles each module
// of an unbundled tree on every start, which cost a short check most of its time.
// Each command stays its own chunk (main.ts imports them on demand), so `check` loads
// neither the server nor the PDF maker nor the database drivers.
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { build, type Plugin } from 'esbuild';
import { validateBundledKnowledge } from '../src/core/bundled-knowledge.js';
import { CLI_OUTDIR as OUTDIR, PREBUILT_MODULES, prebuiltFileName } from './prebuilt-modules.js';

/**
 * Left to Node at run time: a native addon (better-sqlite3), packages that read their
 * own files or start threads from their own paths (pdfkit's font metrics, pino's
 * transports, pg's optional native binding), and mailauth, loaded only with --verify-auth.
 */
const EXTERNAL = ['better-sqlite3', 'pdfkit', 'pino', 'pg', 'mailauth'];

/**
 * JSON modules as JSON.parse of a string literal: V8 scans a string far faster than it
 * parses the same data written as an object literal, and the knowledge files are most of
 * the bundle (https://v8.dev/blog/cost-of-javascript-2019#json).
 */
const jsonAsString: Plugin = {
  name: 'json-as-string',
  setup(build) {
    // libphonenumber-js ships its metadata as JSON and, for browsers, as a module
    // exporting the same object (metadata.max.json.js): take the JSON.
    build.onResolve({ filter: /metadata\.\w+\.json\.js$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\.js$/, '')) }));
    build.onLoad({ filter: /\.json$/ }, async (args) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

// esbuild hands onLoad a module's real path (node_modules may be a symbolic link).
const PREBUILT = PREBUILT_MODULES.map((path) => realpathSync(resolve(path)));

/**
 * Each PREBUILT module as its exports, written with V8's serializer (Maps, typed
 * arrays and RegExps included), which reads them back far faster than JSON.parse and a
 * loop could rebuild them. An export the serializer would not give back unchanged (a
 * function, a class instance) fails the build. The serialized data is a file of its
 * own next to the chunks, read as bytes: inside a chunk, as a string, Node would decode
 * it and V8 scan it at each start.
 */
const prebuilt: Plugin = {
  name: 'prebuilt',
  setup(build) {
    build.onLoad({ filter: /\.[jt]s$/ }, async (args) => {
      if (!PREBUILT.includes(args.path)) return undefined;
      const exports = { ...((await import(pathToFileURL(args.path).href)) as Record<string, unknown>) };
      if (!isDeepStrictEqual(deserialize(serialize(exports)), exports)) {
        throw new Error(`${args.path}: its exports do not survive v8.serialize unchanged; a PREBUILT module must export data only`);
      }
      const file = prebuiltFileName(args.path);
      mkdirSync(OUTDIR, { recursive: true });
      writeFileSync(join(OUTDIR, file), serialize(exports));
      const lines = [
        "import { readFileSync } from 'node:fs';",
        "import { deserialize } from 'node:v8';",
        // Every chunk is in OUTDIR, so the file is next to whichever chunk this ends up in.
        `const exported = deserialize(readFileSync(new URL(${JSON.stringify(`./${file}`)}, import.meta.url)));`,
        ...Object.keys(exports).map((name) => `export const ${name} = exported.${name};`),
      ];
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/**
 * tldts from its ES module build rather than the CommonJS one esbuild would take (its
 * "main"): the same code, split so that the public suffix trie is a module of data
 * alone (dist/es6/src/data/trie.js), which PREBUILT then ships serialized. In the
 * CommonJS file the trie is 140 KB of array literals that V8 parsed and copied into
 * typed arrays at each start.
 */
const tldtsEsm: Plugin = {
  name: 'tldts-esm',
  setup(build) {
    build.onResolve({ filter: /^tldts$/ }, () => ({ path: realpathSync(resolve('node_modules/tldts/dist/es6/index.js')) }));
  },
};

// The bundle reads its knowledge without validating it at each start: validate it here.
validateBundledKnowledge();

// Chunk names carry a hash of their contents: clear out the previous build's.
rmSync(OUTDIR, { recursive: true, force: true });

const { outputFiles } = await build({
  entryPoints: { main: 'src/node/cli/main.ts', worker: 'src/node/check/worker.ts', 'issue-worker': 'src/node/notices/issue-worker.ts' },
  outdir: OUTDIR,
  // Workers are found next to the chunk that starts them (new URL('./worker.js', import.meta.url)).
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [tldtsEsm, prebuilt, jsonAsString],
  write: false,
});

/**
 * esbuild writes every non-ASCII character as an escape except inside regular expression
 * literals, and one such character (a Japanese word in a pattern) makes Node decode a
 * chunk into a two-byte string: twice the memory, slower to decode and for V8 to scan.
 * Written as \uXXXX they mean the same in a regular expression, with or without the u
 * flag (a surrogate pair as two escapes is one code point under u). An escaped non-ASCII
 * character (`\・`) would not survive this, so it fails the build.
 */
function asciiOnly(path: string, code: string): string {
  if (/\\[^\x00-\x7f]/.test(code)) throw new Error(`${path}: a backslash before a non-ASCII character; asciiOnly cannot escape it`);
  return code.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Bundled CommonJS packages call require() for Node's own modules, through esbuild's
 * __require in the one chunk that defines it: that chunk, and any other that names
 * require, gets one (made with createRequire). The others do without: a require made in
 * each of the sixteen chunks a check loads cost a millisecond or two of every start.
 */
function withRequire(code: string): string {
  if (!/\brequire\b/.test(code)) return code;
  const banner = "import { createRequire as __leakaidRequire } from 'node:module'; const require = __leakaidRequire(import.meta.url);\n";
  const shebang = code.startsWith('#!') ? code.slice(0, code.indexOf('\n') + 1) : '';
  return shebang + banner + code.slice(shebang.length);
}

mkdirSync(OUTDIR, { recursive: true });
for (const file of outputFiles) {
  writeFileSync(file.path, file.path.endsWith('.js') ? withRequire(asciiOnly(file.path, file.text)) : file.contents);
}
