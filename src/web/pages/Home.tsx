import { Icon, type IconName } from '../icons.js';
import { useLang, type Text } from '../i18n.js';
import { Link } from '../router.js';
import { Glossary, PageTitle } from '../ui.js';

interface Choice {
  to: string;
  icon: IconName;
  title: Text;
  text: Text;
}

const CHOICES: Choice[] = [
  {
    to: '/check',
    icon: 'message',
    title: { ja: '届いた通知・メッセージを確かめる', en: 'Check a notice or message you received' },
    text: {
      ja: 'はがき、手紙、メール、SMS、電話の内容が本物か、詐欺の疑いがあるかを調べます。',
      en: 'Find out whether a postcard, letter, email, text message or phone call is genuine or may be a scam.',
    },
  },
  {
    to: '/verify',
    icon: 'camera',
    title: { ja: '届いたはがきが本物か、QRコード・確認コードで確かめる', en: 'Is the postcard genuine? Check its QR code or code' },
    text: {
      ja: 'お知らせに印刷されたQRコードをカメラで読み取るか、確認コードを入力すると、本当にその会社からのものかがわかります。',
      en: 'Scan the QR code printed on the notice with your camera, or type its code, to see whether it really came from the company.',
    },
  },
  {
    to: '/search',
    icon: 'search',
    title: { ja: '漏えいした会社・事件を調べる', en: 'Look up a company or a data leak' },
    text: {
      ja: '何が漏れて、何が漏れていないのか。会社からの正式なお知らせと問い合わせ先も確かめられます。',
      en: 'What leaked and what did not, with the company’s official announcements and contact points.',
    },
  },
  {
    to: '/mine',
    icon: 'building',
    title: { ja: '自分が利用している会社で、漏えいはあった？', en: 'Did any company I use have a data leak?' },
    text: {
      ja: '携帯電話の会社、銀行、カード、お店、市や町を選ぶと、記録にある漏えいをまとめて確かめられます。選んだ会社はどこにも送りません。',
      en: 'Choose your phone company, bank, card, shops, city or town and see the leaks on record for all of them. What you choose is not sent anywhere.',
    },
  },
  {
    to: '/plan',
    icon: 'list',
    title: { ja: 'やることリスト', en: 'Your to-do list' },
    text: {
      ja: '漏れた情報に合わせて、今日すること・今週すること・続けることを順番に示します。',
      en: 'What to do today, this week and from now on, for what leaked — in order.',
    },
  },
  {
    to: '/password',
    icon: 'key',
    title: { ja: 'パスワードを確かめる', en: 'Check a password' },
    text: {
      ja: '当てられやすくないか、漏えいしたパスワードの中にないかを調べます。パスワードは送りません。',
      en: 'See whether it is easy to guess or among leaked passwords. Your password is not sent.',
    },
  },
];

export function Home() {
  const { t } = useLang();
  return (
    <>
      <PageTitle title={{ ja: 'ホーム', en: 'Home' }}>
        {t({ ja: '個人情報が漏れたと知らされたら', en: 'If you were told your personal data leaked' })}
      </PageTitle>
      <p className="lead">
        {t({
          ja: 'あわてなくて大丈夫です。まず、何をしたいかを選んでください。',
          en: 'There is no need to rush. First, choose what you would like to do.',
        })}
      </p>
      <ul className="choices">
        {CHOICES.map((choice) => (
          <li key={choice.to}>
            <Link to={choice.to} className="choice">
              <Icon name={choice.icon} className="choice-icon" />
              <span className="choice-title">{t(choice.title)}</span>
              <span className="choice-text">{t(choice.text)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <section className="calm" aria-labelledby="calm-heading">
        <h2 id="calm-heading">{t({ ja: 'まず覚えておいてほしいこと', en: 'Good to know first' })}</h2>
        <ul>
          <li>
            {t({
              ja: '本物のおわびの通知は、お金やカード番号、パスワードを求めません。',
              en: 'A genuine apology notice never asks for money, card numbers or passwords.',
            })}
          </li>
          <li>
            {t({
              ja: 'メッセージの中のリンクや電話番号ではなく、会社の公式サイトや、以前から知っている番号で確かめましょう。',
              en: 'Check with the company through its official website or a number you already know, not the links or numbers in the message.',
            })}
          </li>
          <li>
            {t({
              ja: '困ったときは、消費者ホットライン「188」で近くの消費生活センターに相談できます。',
              en: 'If you are unsure, call the consumer hotline 188 to reach your local consumer affairs centre.',
            })}
          </li>
        </ul>
      </section>
      <p className="for-organizations">
        {t({ ja: '事業者・自治体の方へ：', en: 'For organizations: ' })}
        <Link to="/notice-lint">{t({ ja: 'お知らせ文の点検（事業者向け）', en: 'Check a draft notice (for organizations)' })}</Link>
      </p>
      <Glossary terms={['phishing', 'url', 'twoStep']} />
    </>
  );
}
