// The web app in a real browser (Debian's chromium) against the real server: what a
// person sees when checking a scam and a genuine notice, that the message never leaves
// the page, search to the NTT incident, a plan that keeps its ticks, the language switch,
// keyboard-only use, accessibility (axe-core), and screenshots to look at. Also notes of
// follow-up scam calls (and an SMS, an email and a letter about the same leak) typed into
// the page the way a worried person would, which must read as dangerous with advice that
// fits a phone call. And "which of my companies leaked?" (/mine): ten companies picked
// by typing their names in many forms, the leaks on record for them at once, and not one
// request carrying a picked name.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  browserTestsUnavailable,
  launchBrowser,
  openPage,
  LEAKED_PASSWORD,
  REPO,
  SCREENSHOTS,
  startTestServer,
  type TestBrowser,
  type TestServer,
} from './harness.js';

const unavailable = browserTestsUnavailable();
if (unavailable !== null) console.warn(unavailable);

const SMS_FIXTURES = join(REPO, 'test', 'fixtures', 'sms');
const PHISHING_SMS = readFileSync(join(SMS_FIXTURES, 'ja-sagawa-redelivery.txt'), 'utf8');
const GENUINE_NOTICE = readFileSync(join(SMS_FIXTURES, 'ja-ntt-west-genuine.txt'), 'utf8');
const NTT_INCIDENT = 'ntt-business-solutions-2023';
/** Distinctive pieces of the messages; none may appear in any request. */
const MESSAGE_MARKERS = ['sgw-redeliver', 'redeliver-jp', '不在の為', '%E4%B8%8D%E5%9C%A8', 'テレマーケティング', '謹啓'];

/** The labels of the "how did you receive it" choices, exactly as the page shows them. */
const SOURCE_LABEL = {
  call: '電話（言われた内容を書いてください）',
  sms: 'SMS（携帯電話のショートメッセージ）',
  email: 'メール',
  letter: 'はがき・手紙',
} as const;
type SourceChoice = keyof typeof SOURCE_LABEL;

/** Notes a person wrote down after a follow-up scam call (written for these tests). */
const CALL_KOKUSEN_DELETION =
  '国民生活センターの人だという男の人から電話。私の個人情報が3つの会社に漏れていると言われた。' +
  '今なら削除できるけど手数料がかかる、コンビニで電子マネーを買ってカードの番号を教えてくださいとのこと。';
const CALL_POLICE_CASH_CARD =
  '警察の者ですと電話があった。詐欺グループを逮捕したら、私のキャッシュカードが出てきたそうです。' +
  'カードを止めるので暗証番号を教えてと言われた。あとで警察官がカードを受け取りに家に来ると言っていた。';
const CALL_AUTOMATED_CUTOFF =
  '自動音声の電話でした。「未払いの料金があります。2時間後にお客様の電話が使えなくなります。' +
  'くわしくは1番を押してください」と流れました。';
/** A call from "police" asking the PIN and announcing an officer for the card (written for these tests). */
const CALL_POLICE_PIN_PICKUP =
  '警視庁の刑事だという人から電話がありました。あなたの口座が犯罪に使われている、' +
  'キャッシュカードを新しくするので暗証番号を教えてくださいと言われました。' +
  'このあと警察官がキャッシュカードを取りに自宅に伺いますとのことでした。';
/** A genuine notice that asks nothing (written for these tests). */
const GENUINE_APOLOGY_POSTCARD =
  'お詫びとご報告\n' +
  '当社の委託先のサーバーが不正アクセスを受け、お客様のお名前・ご住所・電話番号が外部に漏れた可能性があります。' +
  'クレジットカード情報やパスワードは含まれていません。\n' +
  '当社からお電話やメールでパスワードや暗証番号をおたずねすることは決してありません。' +
  'ご心配をおかけし、誠に申し訳ございません。';
/** Pieces of the typed call note that must not appear in any request. */
const CALL_MARKERS = ['電子マネー', '3つの会社', '国民生活センターの人'].flatMap((marker) => [marker, encodeURIComponent(marker)]);

/** A draft notice with what makes genuine notices look like scams (written for these tests). */
const SCAM_LIKE_DRAFT = readFileSync(join(REPO, 'test', 'fixtures', 'notices', 'ja-scam-lookalike.txt'), 'utf8');


describe.skipIf(unavailable !== null)('web app in chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = (path: string, options: { width?: number; lang?: 'ja' | 'en' } = {}): Promise<Page> =>
    openPage(browser.context, server.url, path, { width: options.width ?? 1280, ...(options.lang === undefined ? {} : { lang: options.lang }) }, cspViolations);

  async function checkMessage(page: Page, source: RegExp, text: string): Promise<void> {
    await page.getByRole('radio', { name: source }).check();
    await page.getByRole('textbox', { name: /貼り付け/ }).fill(text);
    await page.getByRole('button', { name: '確かめる' }).click();
    await page.locator('#result-heading').waitFor();
  }

  /** Choose where the message came from, type it key by key, press 確かめる and wait for the verdict. */
  async function typeAndCheck(page: Page, source: SourceChoice, text: string): Promise<void> {
    const choice = page.getByRole('radio', { name: SOURCE_LABEL[source], exact: true });
    await choice.check();
    expect(await choice.isChecked(), `the ${source} choice is selected`).toBe(true);
    const box = page.getByRole('textbox', { name: /貼り付け/ });
    await box.click();
    await box.clear(); // an earlier message may still be there
    await box.pressSequentially(text);
    expect(await box.inputValue(), 'the typed text is in the box').toBe(text);
    await page.getByRole('button', { name: '確かめる', exact: true }).click();
    await page.locator('#result-heading').waitFor();
  }

  /** What the page says about the checked message. */
  async function readVerdict(page: Page): Promise<{ risk: string; heading: string; advice: string; reasons: string[] }> {
    const verdictClass = (await page.locator('.result .verdict').getAttribute('class')) ?? '';
    const advice = page.locator('.next-step');
    return {
      risk: /verdict-(high|medium|low)/.exec(verdictClass)?.[1] ?? verdictClass,
      heading: ((await page.locator('#result-heading').textContent()) ?? '').trim(),
      advice: (await advice.count()) > 0 ? ((await advice.textContent()) ?? '') : '',
      reasons: await page.locator('.reasons li .reason-text').allTextContents(),
    };
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
  }

  async function horizontalOverflow(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  it('shows a phishing SMS as dangerous, with reasons, marked evidence and the next step', async () => {
    const page = await open('/check');
    await checkMessage(page, /SMS/, PHISHING_SMS);
    await expect.poll(() => page.locator('#result-heading').textContent()).toContain('危険');
    // Never colour alone: an icon and words go with it.
    expect(await page.locator('.verdict-high svg.verdict-icon').count()).toBe(1);
    const reasons = await page.locator('.reasons li').allTextContents();
    expect(reasons.join('\n')).toContain('佐川急便');
    expect(reasons.join('\n')).toMatch(/redeliver/);
    expect(await page.locator('.checked-text mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.next-step-main').textContent()).toContain('リンク');
    await screenshot(page, 'check-phishing');
    await page.close();
  });

  it('marks evidence as the message wrote it: full-width letters, half-width kana, words split by spaces', async () => {
    const page = await open('/check');
    await checkMessage(page, /SMS/, '【楽天】ｶｰﾄﾞ情 報をご入 力ください。本日中にお近くのＡＴＭへ行ってください。');
    await expect.poll(() => page.locator('#result-heading').textContent()).toContain('危険');
    const marks = (await page.locator('.checked-text mark').allTextContents()).join('\n');
    expect(marks).toContain('ｶｰﾄﾞ情 報をご入 力');
    expect((await page.locator('.request-evidence').allTextContents()).join('\n')).toContain('ＡＴＭへ行って');
    await page.close();
  });

  it('shows the genuine NTT West notice as low risk, matched to the incident on record', async () => {
    const page = await open('/check');
    await checkMessage(page, /はがき/, GENUINE_NOTICE);
    await expect.poll(() => page.locator('#result-heading').textContent()).toContain('危険な点は見つかりませんでした');
    expect(await page.locator('.verdict-low svg.verdict-icon').count()).toBe(1);
    expect(await page.locator('.reasons').textContent()).toContain('何も求めていません');
    const incident = page.locator(`.matched-incident a[href="/incidents/${NTT_INCIDENT}"]`);
    expect(await incident.textContent()).toContain('NTT');
    await screenshot(page, 'check-genuine');
    await page.close();
  });

  it('compares a notice with the registry records, fetched when the page opens', async () => {
    const record = (await (await fetch(`${server.url}/api/incidents/${NTT_INCIDENT}`)).json()) as { title: { ja: string; en: string } };
    const page = await browser.context.newPage();
    // The server's records, with a title the checker's built-in copy does not have.
    await page.route('**/api/notice-records', (route) =>
      route.fulfill({ json: { incidents: [{ ...record, title: { ja: '登録簿から読んだ記録', en: 'Record read from the registry' } }] } }),
    );
    const fetched = page.waitForRequest('**/api/notice-records');
    await page.goto(server.url + '/check');
    await fetched;
    await checkMessage(page, /はがき/, GENUINE_NOTICE);
    await expect.poll(() => page.locator('.matched-incident').textContent()).toContain('登録簿から読んだ記録');
    await page.close();
  });

  it('never sends the message: no request carries it', async () => {
    const page = await browser.context.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.goto(server.url + '/check');
    await checkMessage(page, /SMS/, PHISHING_SMS);
    await checkMessage(page, /はがき/, GENUINE_NOTICE);
    await typeAndCheck(page, 'call', CALL_KOKUSEN_DELETION);
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      const carried = `${request.url()}\n${request.postData() ?? ''}\n${JSON.stringify(await request.allHeaders())}`;
      for (const marker of [...MESSAGE_MARKERS, ...CALL_MARKERS]) expect(carried, request.url()).not.toContain(marker);
      expect(request.method(), request.url()).toBe('GET');
      expect(new URL(request.url()).origin).toBe(server.url);
    }
    await page.close();
  });

  /** Scam notes as typed by a person; `screenshot` names the screenshot. */
  const SCAM_NOTES: { what: string; screenshot: string; source: SourceChoice; text: string }[] = [
    {
      what: 'a call from "国民生活センター" offering to delete leaked data for 電子マネー bought at a convenience store',
      screenshot: 'call-kokusen-deletion',
      source: 'call',
      text: CALL_KOKUSEN_DELETION,
    },
    {
      what: 'a call from "police" who found the cash card with a fraud group, ask the PIN and send an officer for the card',
      screenshot: 'call-police-cash-card',
      source: 'call',
      text: CALL_POLICE_CASH_CARD,
    },
    {
      what: 'an automated-voice call: the line is cut in two hours for unpaid fees, press 1',
      screenshot: 'call-automated-cutoff',
      source: 'call',
      text: CALL_AUTOMATED_CUTOFF,
    },
    {
      what: 'an SMS asking to add a LINE ID to get 被害金 back',
      screenshot: 'sms-line-refund',
      source: 'sms',
      text: '個人情報流出の被害にあわれた方へ。被害金を取り戻すお手伝いをします。下記のLINE IDを友だち追加してご連絡ください。ID：higai-kaifuku77',
    },
    {
      what: 'an email from a 被害者の会 asking a registration fee by bank transfer',
      screenshot: 'email-victims-association',
      source: 'email',
      text: '個人情報流出 被害者の会 事務局です。被害者の会に入ると被害金が戻ってきます。入会登録料2万円を、3日以内に下記の口座へお振り込みください。みずほ銀行 新宿支店 普通 7654321 ヒガイシャノカイ',
    },
    {
      what: 'a letter asking a deletion fee paid with the enclosed 振込用紙',
      screenshot: 'letter-deletion-fee',
      source: 'letter',
      text: '個人情報削除のご案内\nあなたの個人情報が名簿業者に流出しています。削除をご希望の方は、同封の振込用紙で削除手数料8,000円を今月末までにお支払いください。',
    },
  ];

  it.each(SCAM_NOTES.map((note) => [note.what, note] as const))('typed, %s, reads as dangerous', async (_what, { screenshot: name, source, text }) => {
    const page = await open('/check');
    await typeAndCheck(page, source, text);
    const verdict = await readVerdict(page);
    const seen = `heading: ${verdict.heading}\nreasons:\n  ${verdict.reasons.join('\n  ')}\nadvice: ${verdict.advice}`;
    await screenshot(page, `check-typed-${name}`);
    expect(verdict.risk, `risk level shown for the typed ${source} note\n${seen}`).toBe('high');
    expect(verdict.heading).toContain('危険：');
    if (source === 'call') {
      // Advice for a call: hang up, and the numbers to call for help.
      expect(verdict.advice, `advice for a call says to hang up\n${seen}`).toContain('電話を切');
      expect(verdict.advice, `advice for a call gives 188\n${seen}`).toContain('188');
      expect(verdict.advice, `advice for a call gives #9110 or 110\n${seen}`).toMatch(/#9110|110番/);
    }
    await page.close();
  });

  it('typed, a call note: lists what the caller asks, the PIN and handing over the card marked dangerous, in Japanese and English', async () => {
    const page = await open('/check');
    await typeAndCheck(page, 'call', CALL_POLICE_PIN_PICKUP);
    const section = page.locator('section.requests');
    await expect.poll(() => section.getByRole('heading', { level: 3 }).textContent()).toBe('このメッセージがあなたに求めていること');
    const items = section.getByRole('listitem');
    const seen = (await items.allTextContents()).join('\n  ');
    const never = '本物の会社・役所・警察は、これを求めません。';
    const pins = items.filter({ has: page.locator('.request-act', { hasText: '暗証番号' }) });
    expect(await pins.count(), `the PIN is listed\n  ${seen}`).toBeGreaterThanOrEqual(1);
    const pin = pins.first();
    expect(await pin.getAttribute('class'), seen).toContain('request-danger');
    expect(await pin.locator('.request-label').textContent()).toBe('危険');
    expect(await pin.locator('.request-never').textContent()).toBe(never);
    expect(await pin.locator('.request-evidence').textContent()).toContain('「暗証番号を教えて');
    const cards = items.filter({ has: page.locator('.request-act', { hasText: 'キャッシュカードを渡す' }) });
    expect(await cards.count(), `handing over the card is listed\n  ${seen}`).toBeGreaterThanOrEqual(1);
    const card = cards.first();
    expect(await card.getAttribute('class'), seen).toContain('request-danger');
    expect(await card.locator('.request-never').textContent()).toBe(never);
    expect(await card.locator('.request-act').textContent()).toContain('家に来る人に');
    expect(await axeViolations(page), 'the requests section (ja)').toEqual([]);
    await section.screenshot({ path: join(SCREENSHOTS, 'check-requests-section-ja.png') });
    await screenshot(page, 'check-typed-call-police-pin-pickup');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => section.getByRole('heading', { level: 3 }).textContent()).toBe('What this message asks you to do');
    const english = await section.textContent();
    expect(english).toContain('Tell a PIN, password or code');
    expect(english).toContain('Hand over money or a card');
    expect(english).toContain('Real companies, public offices and police never ask for this.');
    expect(await section.locator('.request-evidence [lang=ja]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page), 'the requests section (en)').toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 360, height: 900 });
    expect(await horizontalOverflow(page), 'at 360 px').toBeLessThanOrEqual(0);
    await section.screenshot({ path: join(SCREENSHOTS, 'check-requests-section-en-360.png') });
    await page.close();
  });

  it('typed, a genuine apology postcard that asks nothing stays low risk', async () => {
    const page = await open('/check');
    await typeAndCheck(page, 'letter', GENUINE_APOLOGY_POSTCARD);
    const verdict = await readVerdict(page);
    await screenshot(page, 'check-typed-genuine-postcard');
    expect(verdict.risk, `heading: ${verdict.heading}\nreasons:\n  ${verdict.reasons.join('\n  ')}`).toBe('low');
    expect(verdict.heading).toContain('危険な点は見つかりませんでした');
    await page.close();
  });

  it('checks a chosen .eml file in the page, without uploading it', async () => {
    const page = await open('/check');
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.locator('input[type=file]').setInputFiles(join(REPO, 'test', 'fixtures', 'mail', 'html-phish.eml'));
    expect(await page.locator('.file-name').textContent()).toBe('html-phish.eml');
    await page.getByRole('button', { name: '確かめる' }).click();
    await page.locator('#result-heading').waitFor();
    expect(await page.locator('#result-heading').textContent()).toContain('危険');
    expect(await page.locator('.reasons').textContent()).toContain('account-verify.example');
    for (const request of requests) {
      expect(request.method(), request.url()).toBe('GET');
      expect(request.url()).not.toContain('account-verify');
    }
    await page.close();
  });

  it('says a mail that only looks like mass advertising is advertising mail, with deleting it as the next step', async () => {
    const page = await open('/check');
    await page.locator('input[type=file]').setInputFiles(join(REPO, 'test', 'fixtures', 'mail', 'advertising.eml'));
    await page.getByRole('button', { name: '確かめる' }).click();
    await page.locator('#result-heading').waitFor();
    expect(await page.locator('#result-heading').textContent()).toBe('注意：広告・宣伝メールのようです');
    expect(await page.locator('.next-step-main').textContent()).toContain('リンクを開かずに削除してかまいません');
    await page.close();
  });

  it('checks a password without sending it: only a 5-character hash prefix goes out', async () => {
    const page = await open('/password');
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    const { password, count } = LEAKED_PASSWORD;
    const fullHash = createHash('sha1').update(password).digest('hex');
    await page.getByLabel('確かめたいパスワード').fill(password);
    await page.getByRole('button', { name: '確かめる' }).click();
    await page.locator('.verdict').waitFor();
    expect(await page.locator('.verdict h2').textContent()).toMatch(/弱い/);
    await expect.poll(() => requests.some((r) => r.url().includes('/range/'))).toBe(true);
    // The count comes from the store the server imported.
    await expect.poll(() => page.locator('main').textContent()).toContain(`${count.toLocaleString('ja-JP')} 回`);
    for (const request of requests) {
      const carried = `${request.url()}\n${request.postData() ?? ''}\n${JSON.stringify(await request.allHeaders())}`;
      expect(carried).not.toContain(password);
      expect(carried.toLowerCase()).not.toContain(fullHash.slice(5));
      if (request.url().includes('/range/')) expect(new URL(request.url()).pathname).toMatch(/^\/range\/[0-9A-F]{5}$/);
    }
    await page.close();
  });

  it('finds the NTT incident from search and shows what leaked and what did not', async () => {
    const page = await open('/search');
    await page.getByRole('searchbox').fill('NTT西日本');
    await page.getByRole('button', { name: '調べる' }).click();
    await page.locator(`a[href="/incidents/${NTT_INCIDENT}"]`).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('NTTビジネスソリューションズ');
    expect(await page.locator('.leaked').first().textContent()).toContain('氏名');
    expect(await page.locator('.not-leaked').first().textContent()).toContain('パスワード');
    await screenshot(page, 'incident');
    await page.close();
  });

  it('shows an organization\'s official contact details with sources, also with no incident on record', async () => {
    const page = await open('/search');
    await page.getByRole('searchbox').fill('ﾔﾏﾄ運輸');
    await page.getByRole('button', { name: '調べる' }).click();
    const card = page.locator('.organization').first();
    await expect.poll(() => card.textContent()).toContain('kuronekoyamato.co.jp');
    expect(await card.locator('a.source-link').first().getAttribute('href')).toMatch(/^https?:\/\//);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('見つかりませんでした');
    await page.close();
  });

  it('makes a plan from the incident and keeps a ticked step after a reload', async () => {
    const page = await open(`/incidents/${NTT_INCIDENT}`);
    await page.getByRole('link', { name: 'この事件のやることリストを作る' }).click();
    await page.locator('.steps').first().waitFor();
    const first = page.locator('.step input[type=checkbox]').first();
    const title = await page.locator('.step .step-title').first().textContent();
    await first.check();
    await page.reload();
    await page.locator('.steps').first().waitFor();
    expect(await page.locator('.step .step-title').first().textContent()).toContain(title?.replace('（済み）', '') ?? '');
    expect(await page.locator('.step input[type=checkbox]').first().isChecked()).toBe(true);
    expect(await page.locator('.progress').textContent()).toMatch(/ 1 個 済み/);
    const pdf = await page.request.get(server.url + (await page.getByRole('link', { name: 'PDFで保存' }).getAttribute('href')));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const ics = await page.request.get(server.url + (await page.getByRole('link', { name: /カレンダー/ }).getAttribute('href')));
    expect(ics.status()).toBe(200);
    await screenshot(page, 'plan');
    await page.close();
  });

  it('switches to English and back, with the lang attribute', async () => {
    const page = await open('/');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    const toEnglish = page.getByRole('button', { name: 'English' });
    expect(await toEnglish.getAttribute('lang')).toBe('en');
    await toEnglish.click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('If you were told your personal data leaked');
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'home-en');
    await page.getByRole('button', { name: '日本語' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.close();
  });

  it('can be used with the keyboard alone, with a visible focus', async () => {
    const page = await open('/');
    // The page heading has the focus after loading; the next stop is the first choice.
    const focused = async () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await focused()).toContain('届いた通知・メッセージを確かめる');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: '確かめる' }).waitFor();
    await page.keyboard.press('Tab'); // the first "how did you receive it" choice
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // SMS
    expect(await page.getByRole('radio', { name: /SMS/ }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.insertText(PHISHING_SMS);
    await page.keyboard.press('Tab'); // file chooser
    await page.keyboard.press('Tab'); // check button
    expect(await focused()).toBe('確かめる');
    await page.keyboard.press('Enter');
    await page.locator('#result-heading').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('result-heading');
    expect(await page.locator('#result-heading').textContent()).toContain('危険');
    await page.close();
  });

  /** Ten companies a person deals with, typed the way people type them (full-width
   * latin, hiragana for a katakana name, half-width katakana, English, part of a name),
   * and the organization the suggestion to choose stands for. */
  const MY_COMPANIES: { typed: string; id: string }[] = [
    { typed: 'ｎｔｔ西日本', id: 'ntt-west' },
    { typed: 'らくてんかーど', id: 'rakuten-card' },
    { typed: 'ﾄﾞｺﾓ', id: 'ntt-docomo' },
    { typed: 'Benesse', id: 'benesse' },
    { typed: 'ヤマト運輸', id: 'yamato' },
    { typed: 'ゆうちょ', id: 'japan-post-bank' },
    { typed: 'AEON', id: 'aeon-card' },
    { typed: 'LINEヤフー', id: 'line' },
    { typed: '尼崎', id: 'amagasaki-city' },
    { typed: 'JTB', id: 'jtb' },
  ];

  /** Type a name into the picker and choose the suggestion for the organization. */
  async function pickCompany(page: Page, company: { typed: string; id: string }): Promise<void> {
    await page.getByRole('combobox').fill(company.typed);
    await page.locator(`[role=option][data-organization="${company.id}"]`).click();
  }

  it('/mine: ten companies picked by typing, the leaks on record for them within 100 ms of the last pick, no picked name in any request', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 900 });
    await page.goto(server.url + '/');
    await page.evaluate(() => {
      localStorage.setItem('leakaid.lang', 'ja');
      localStorage.removeItem('leakaid.mine');
    });
    const indexLoaded = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/incident-index');
    await page.goto(server.url + '/mine');
    expect(new URL((await indexLoaded).url()).search, 'the index is fetched without a query').toBe('');
    await page.getByRole('combobox').waitFor();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));

    for (const company of MY_COMPANIES.slice(0, -1)) await pickCompany(page, company);
    const last = MY_COMPANIES.at(-1)!;
    await page.getByRole('combobox').fill(last.typed);
    await page.locator(`[role=option][data-organization="${last.id}"]`).waitFor();
    // Measured in the page: from the tap on the last suggestion to the results for all ten on screen.
    const elapsed = await page.evaluate(async ({ id, count }) => {
      const option = document.querySelector<HTMLElement>(`[role=option][data-organization="${id}"]`);
      if (option === null) throw new Error(`no suggestion for ${id}`);
      const start = performance.now();
      option.click();
      const shownAll = () => document.querySelector('.mine-results')?.getAttribute('data-picks') === String(count) && document.querySelectorAll('.mine-incident').length > 0;
      while (!shownAll()) await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    }, { id: last.id, count: MY_COMPANIES.length });
    expect(elapsed, `results appeared ${elapsed.toFixed(1)} ms after the last pick`).toBeLessThan(100);

    expect(await page.locator('.picks li').evaluateAll((items) => items.map((li) => li.getAttribute('data-organization')))).toEqual(MY_COMPANIES.map((c) => c.id));
    const shown = await page.locator('.picks li span').allTextContents();
    const dates = await page.locator('.mine-incident .meta time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse(), 'newest first').toEqual(dates);
    const ntt = page.locator('.mine-incident', { has: page.locator(`a[href="/incidents/${NTT_INCIDENT}"]`) });
    const west = ntt.locator('.mine-affected', { has: page.locator('a[href="/org/ntt-west"]') });
    expect(await west.locator('.leaked').textContent()).toContain('氏名');
    expect(await west.locator('.not-leaked').textContent()).toContain('パスワード');
    expect(await west.getByRole('link', { name: 'やることリストを作る' }).getAttribute('href')).toBe(`/plan?incident=${NTT_INCIDENT}&org=ntt-west`);
    // Every pick is answered: it has leaks listed, or the page says none is on record — without calling it safe.
    const withLeaks = new Set(await page.locator('.mine-org a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))));
    const none = (await page.locator('.mine-none').count()) > 0 ? ((await page.locator('.mine-none').textContent()) ?? '') : '';
    MY_COMPANIES.forEach((company, i) => {
      expect(withLeaks.has(`/org/${company.id}`) || none.includes(shown[i]!), `${company.id} is answered`).toBe(true);
    });
    if (none !== '') expect(none).toContain('「漏れていない」という意味ではありません');

    // Nothing picked or typed went anywhere: no request at all is needed while picking.
    const markers = [
      ...MY_COMPANIES.flatMap((c) => [c.typed, encodeURIComponent(c.typed), `/${c.id}`, `=${c.id}`]),
      ...shown.flatMap((name) => [name, encodeURIComponent(name)]),
    ];
    for (const request of requests) {
      const carried = `${request.url()}\n${request.postData() ?? ''}`;
      for (const marker of markers) expect(carried, request.url()).not.toContain(marker);
    }

    expect(await axeViolations(page), '/mine with picks (ja)').toEqual([]);
    expect(await horizontalOverflow(page), '/mine at 360 px').toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'mine-picks-ja-360.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Did any company I use have a data leak?');
    expect(await axeViolations(page), '/mine with picks (en)').toEqual([]);
    expect(await horizontalOverflow(page), '/mine in English at 360 px').toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'mine-picks-en-360.png'), fullPage: true });
    await page.getByRole('button', { name: '日本語' }).click();

    // The picks stay in this browser for the next visit.
    await page.reload();
    await page.locator('.picks li').first().waitFor();
    expect(await page.locator('.picks li').count()).toBe(MY_COMPANIES.length);
    await page.getByRole('button', { name: `${shown[MY_COMPANIES.findIndex((c) => c.id === 'yamato')]}を外す` }).click();
    expect(await page.locator('.picks li').count()).toBe(MY_COMPANIES.length - 1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'the focus goes back to the text box').toBe('combobox');

    // From a result to the organization's page, by clicking.
    await page.locator('.mine-affected a[href="/org/ntt-west"]').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('NTT西日本');
    expect(await page.locator('.organization').textContent()).toContain('ntt-west.co.jp');
    expect(await page.locator('main').textContent()).toContain('これまでのお知らせの届き方');
    await page.close();
  });

  it('/mine: chooses a suggestion with the keyboard, and says kindly when a name is not on record', async () => {
    const page = await open('/mine');
    await page.evaluate(() => localStorage.removeItem('leakaid.mine'));
    await page.reload();
    const box = page.getByRole('combobox');
    await box.waitFor();
    await box.pressSequentially('どこにもない会社');
    expect(await page.locator('.picker [role=status]').textContent()).toContain('記録の中に見つかりません');
    await box.fill('ﾔﾏﾄ');
    await page.getByRole('option').first().waitFor();
    await box.press('Enter');
    expect(await page.locator('.picks li').getAttribute('data-organization')).toBe('yamato');
    expect(await box.inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.close();
  });

  it('search finds an organization that only an incident names, by a half-width form of its name', async () => {
    const page = await open('/search?q=' + encodeURIComponent('ｶﾌﾟｺﾝ'));
    const card = page.locator('.organization', { has: page.locator('a[href="/org/capcom"]') });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('h3').textContent()).toBe('カプコン');
    await card.locator('a[href="/org/capcom"]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('カプコン');
    expect(await page.locator('.results a').first().getAttribute('href')).toMatch(/^\/incidents\/capcom-/);
    await page.close();
  });

  it('reaches the page of the organization a checked message claims to be from', async () => {
    const page = await open('/check');
    await checkMessage(page, /SMS/, PHISHING_SMS);
    const claimed = page.locator('.claimed a[href^="/org/"]').first();
    const href = (await claimed.getAttribute('href')) ?? '';
    await claimed.click();
    await expect.poll(() => page.evaluate(() => window.location.pathname)).toBe(href);
    await expect.poll(() => page.locator('main').textContent()).toContain('公式の連絡先');
    await page.close();
  });

  it('reaches an organization page from search results and from an incident page', async () => {
    const page = await open('/search?q=NTT西日本');
    await page.getByRole('link', { name: /NTT西日本のページ/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('NTT西日本');
    await page.locator(`a[href="/incidents/${NTT_INCIDENT}"]`).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('NTTビジネスソリューションズ');
    expect(await page.locator('#read-more-heading').textContent()).toBe('もっと詳しく知るには');
    await page.locator('.affected h3 a[href="/org/ntt-docomo"]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('NTTドコモ');
    await screenshot(page, 'organization');
    await page.close();
  });

  const PAGES: [string, string, ((page: Page) => Promise<void>) | null][] = [
    ['home', '/', null],
    ['check', '/check', null],
    ['search', '/search?q=NTT', null],
    ['incident-page', `/incidents/${NTT_INCIDENT}`, null],
    ['plan-page', `/plan?incident=${NTT_INCIDENT}`, null],
    ['password', '/password', null],
    ['mine', '/mine', null],
    ['organization-page', '/org/ntt-west', null],
    ['check-result', '/check', (page) => checkMessage(page, /SMS/, PHISHING_SMS)],
    ['notice-lint', '/notice-lint', null],
    ['notice-lint-result', '/notice-lint', (page) => lintDraft(page, SCAM_LIKE_DRAFT)],
  ];

  it.each(PAGES)('%s: no serious accessibility violations, readable sizes, no sideways scrolling', async (name, path, prepare) => {
    for (const lang of ['ja', 'en'] as const) {
      const page = await open(path, { lang, width: 360 });
      if (prepare !== null && lang === 'ja') await prepare(page);
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), `${name} (${lang})`).toEqual([]);
      expect(await horizontalOverflow(page), `${name} (${lang}) at 360 px`).toBeLessThanOrEqual(0);
      const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(18);
      const lineHeight = await page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('main p') ?? document.body);
        return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
      });
      expect(lineHeight).toBeGreaterThanOrEqual(1.6);
      const smallTargets = await page.evaluate(() =>
        [...document.querySelectorAll('button, input:not([type=file]), .file-button, .choice, .radio, .results a, .button-link, .button-link-secondary')]
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => {
            const box = (el.closest('label') ?? el).getBoundingClientRect();
            return { what: el.outerHTML.slice(0, 80), height: box.height, width: box.width };
          })
          .filter((box) => box.height < 44 || box.width < 44),
      );
      expect(smallTargets, `${name} (${lang}) tap targets`).toEqual([]);
      // 200% zoom on a 1280 px screen is a 640 px wide layout.
      await page.setViewportSize({ width: 640, height: 900 });
      expect(await horizontalOverflow(page), `${name} (${lang}) at 200% zoom`).toBeLessThanOrEqual(0);
      if (lang === 'ja') await screenshot(page, name);
      await page.close();
    }
  });

  /** Paste a draft into the notice linter, press 点検する and wait for the findings. */
  async function lintDraft(page: Page, draft: string): Promise<void> {
    await page.getByRole('textbox', { name: /下書き/ }).fill(draft);
    await page.getByRole('button', { name: '点検する', exact: true }).click();
    await page.locator('#lint-heading').waitFor();
  }

  it('notice linter: reached from the home page, lists findings for a pasted draft with the draft marked, in Japanese and English, sending nothing', async () => {
    const page = await open('/');
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.getByRole('link', { name: 'お知らせ文の点検（事業者向け）' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('お知らせ文の点検（事業者向け）');
    expect(new URL(page.url()).pathname).toBe('/notice-lint');
    await page.getByRole('radio', { name: 'メール', exact: true }).check();
    await lintDraft(page, SCAM_LIKE_DRAFT);
    await expect.poll(() => page.locator('#lint-heading').textContent()).toBe('送る前に直してほしい点があります');
    const findings = page.locator('.lint-findings > li');
    const codes = await findings.evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
    expect(codes).toEqual(expect.arrayContaining(['notice.missing.when', 'notice.scam.link-shortener', 'notice.scam.asks-secret', 'notice.advice.never-ask']));
    // Most important first: missing parts, then scam look-alikes, then advice.
    expect(codes.indexOf('notice.missing.when')).toBeLessThan(codes.indexOf('notice.scam.link-shortener'));
    expect(codes.indexOf('notice.scam.link-shortener')).toBeLessThan(codes.indexOf('notice.advice.never-ask'));
    const shortener = findings.filter({ has: page.locator('.lint-title', { hasText: '短縮URLがあります' }) });
    expect(await shortener.locator('.reason-label').textContent()).toContain('詐欺に似た点');
    expect(await shortener.locator('.lint-where').textContent()).toContain('「https://bit.ly/3sakura」');
    const marks = await page.locator('.checked-text mark').allTextContents();
    expect(marks.join('\n')).toContain('https://bit.ly/3sakura');
    expect(marks.join('\n')).toContain('090-1234-5678');
    expect(await page.locator('.lint-part-missing').count()).toBeGreaterThan(0);
    expect(await axeViolations(page), 'notice linter findings (ja)').toEqual([]);
    await screenshot(page, 'notice-lint-findings');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('#lint-heading').textContent()).toBe('Please fix a few things before sending');
    const english = await page.locator('.lint-findings').textContent();
    expect(english).toContain('It uses a link shortener');
    expect(english).toContain('It does not say when');
    expect(await page.locator('.checked-text[lang=ja]').count()).toBe(1);
    expect(await axeViolations(page), 'notice linter findings (en)').toEqual([]);

    // A complete draft loaded from a file passes.
    await page.locator('input[type=file]').setInputFiles(join(REPO, 'test', 'fixtures', 'notices', 'ja-complete.txt'));
    await expect.poll(() => page.getByRole('textbox', { name: /draft/ }).inputValue()).toContain('お問い合わせ先');
    await page.getByRole('radio', { name: 'Postcard or letter' }).check();
    await page.getByRole('button', { name: 'Check the draft', exact: true }).click();
    await expect.poll(() => page.locator('#lint-heading').textContent()).toBe('Every required part is there, and nothing looks like a scam');
    expect(await page.locator('.lint-findings').count()).toBe(0);

    for (const request of requests) {
      const carried = `${request.url()}\n${request.postData() ?? ''}`;
      for (const marker of ['bit.ly', '3sakura', '暗証番号', 'お問い合わせ先']) expect(carried, request.url()).not.toContain(marker);
      expect(request.method(), request.url()).toBe('GET');
    }
    await page.close();
  });

  it('notice linter: an empty draft gets a kind message, not a crash', async () => {
    const page = await open('/notice-lint');
    await page.getByRole('button', { name: '点検する', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('点検するお知らせ文を貼り付けるか');
    await page.close();
  });

  it('ran under the Content-Security-Policy without violations', () => {
    expect(cspViolations).toEqual([]);
  });
});
