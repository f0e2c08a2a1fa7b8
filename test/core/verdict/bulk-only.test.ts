// Advertising is not danger: reasons that only describe how mass mail looks, with hints
// of low severity beside them, never make a message high; one reason about harm lifts
// that cap.
import { describe, expect, it } from 'vitest';
import reasonsData from '../../../data/reasons.json' with { type: 'json' };
import { checkInput } from '../../../src/core/check.js';
import { mail } from '../signals/reason-cases.js';

const BULK = new Set(reasonsData.reasons.filter((r) => 'bulk' in r).map((r) => r.code));

const SPAM_TEXT =
  'Dear Friend,\n\nAct now! Order our amazing herbal diet pills today and get a F R E E bottle. Use your member password at checkout.\n\n' +
  'To be removed from our mailing list, reply with REMOVE. This is a one time mailing.\n';

describe('bulk-mail features alone', () => {
  it('make a message medium at most, however many add up, with a hint beside them', async () => {
    const result = await checkInput({
      id: 'bulk',
      ...mail({
        from: ['Best Deals', 'xk7q2vbn9@deals-mailer.example'],
        replyTo: 'orders@other-mailer.example',
        returnPath: 'bounce@third-mailer.example',
        subject: 'LIMITED TIME: Lose 30 lbs FAST - FREE trial!!!',
        text: SPAM_TEXT,
      }),
    });
    const warnings = result.reasons.filter((r) => r.score > 0);
    expect(warnings.map((r) => r.code)).toEqual(
      expect.arrayContaining(['model.spam-likely', 'sender.random', 'lang.spaced-word', 'lure.credential-request.weak']),
    );
    expect(warnings.every((r) => BULK.has(r.code) || r.severity === 'low' || r.severity === 'info')).toBe(true);
    expect(result.reasons.reduce((sum, r) => sum + r.score, 0)).toBeGreaterThanOrEqual(reasonsData.thresholds.high);
    expect(result.risk).toBe('medium');
    expect(result.score).toBe(reasonsData.thresholds.high - 1);
  });

  it('do add up to high beside a reason about harm', async () => {
    const result = await checkInput({
      id: 'bulk-and-harm',
      ...mail({
        from: ['Best Deals', 'xk7q2vbn9@deals-mailer.example'],
        subject: 'LIMITED TIME: Lose 30 lbs FAST - FREE trial!!!',
        text: `${SPAM_TEXT}\nOrder here: http://203.0.113.7/order\n`,
      }),
    });
    expect(result.reasons.map((r) => r.code)).toContain('link.ip-host');
    expect(result.risk).toBe('high');
  });
});
