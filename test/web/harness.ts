// The browser tests' harness: the real server (bin/leakaid.js serve, built by `npm test`)
// on a free loopback port, and Debian's chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { importPwned } from '../../src/node/pwned/import.js';

export const CHROMIUM = '/usr/bin/chromium';
export const REPO = join(import.meta.dirname, '../..');
export const SCREENSHOTS = join(REPO, 'test-artifacts', 'screenshots');

/** Why the browser tests cannot run here, or null when they can. */
export function browserTestsUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) {
    return `browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk; .ci/run does this)`;
  }
  return null;
}

/** How long the server may take to start and seed its store. */
const SERVER_START_TIMEOUT_MS = 20_000;

export interface TestServer {
  url: string;
  stop: () => Promise<void>;
}

/** A password in the test server's Pwned Passwords store, and how often it was "seen". */
export const LEAKED_PASSWORD = { password: 'tanaka1985', count: 1234 };

/** A small range store, imported the way `leakaid pwned import` does. */
async function importTestPasswords(root: string, scratch: string): Promise<void> {
  const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex').toUpperCase();
  const lines = [`${sha1(LEAKED_PASSWORD.password)}:${LEAKED_PASSWORD.count}`, `${sha1('password')}:9659365`];
  const file = join(scratch, 'pwned.txt');
  writeFileSync(file, lines.join('\n') + '\n');
  await importPwned(file, { root });
}

export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(join(REPO, 'dist', 'web', 'index.html')) || !existsSync(join(REPO, 'dist', 'src', 'node', 'cli', 'main.js'))) {
    throw new Error('the app is not built: run `npm run build` (npm test does) before the browser tests');
  }
  const scratch = mkdtempSync(join(tmpdir(), 'leakaid-web-test-'));
  await importTestPasswords(join(scratch, 'pwned'), scratch);
  const server = await startServerOn({ LEAKAID_DB: join(scratch, 'leakaid.sqlite'), LEAKAID_PWNED: join(scratch, 'pwned') });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** `leakaid serve` (the built CLI) on a free loopback port, with these store settings
 * (LEAKAID_DB, and LEAKAID_PWNED when the test needs passwords). */
export async function startServerOn(env: { LEAKAID_DB: string; LEAKAID_PWNED?: string }): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, ['bin/leakaid.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: REPO,
    env: { ...process.env, PORT: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), SERVER_START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const found = /serving on (http:\/\/\S+)/.exec(stderr);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${stderr}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface TestBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'leakaid-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens `path` of the server at `base` in a new tab of `context`, in the reader's
 * language (kept in localStorage, as the app keeps it), adding any Content Security
 * Policy violation the page reports to `cspViolations`. */
export async function openPage(
  context: BrowserContext,
  base: string,
  path: string,
  options: { width: number; lang?: 'ja' | 'en' },
  cspViolations: string[],
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: options.width, height: 900 });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(base + '/');
  await page.evaluate((lang) => localStorage.setItem('leakaid.lang', lang), options.lang ?? 'ja');
  await page.goto(base + path);
  await page.locator('h1').first().waitFor();
  return page;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical WCAG 2.1 A/AA and best-practice findings of axe on `page`.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern,
 * so the app is tested under its real policy. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
