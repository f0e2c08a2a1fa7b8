// The look-alike domain search finds brands through indexes (by skeleton, by the pieces
// of a near-miss, by token and opening letters): what it answers must be what comparing
// with every brand in order would, the first brand on record first.
import { describe, expect, it } from 'vitest';
import { imitation } from '../../../src/core/signals/domains.js';

/** kind/brand/organization, or null. */
function imitated(domain: string): string | null {
  const found = imitation(domain);
  return found === null ? null : `${found.kind}/${found.brand}/${found.org.id}`;
}

describe('imitation', () => {
  it('finds a near-miss of a brand, one edit from a short one and two from a long one at both ends', () => {
    expect(imitated('amazom.com')).toBe('lookalike/amazon/amazon-jp');
    expect(imitated('rakutem.co.jp')).toBe('lookalike/rakuten/rakuten');
    expect(imitated('xuronekoyamatq.com')).toBe('lookalike/kuronekoyamato/yamato');
  });

  it('answers with the first brand on record a label is near', () => {
    // One edit from both paypay and paypal: PayPay comes first in the data.
    expect(imitated('paypa1.com')).toBe('lookalike/paypay/paypay');
  });

  it('finds a brand as a word or inside a label, and its exact name only on an ending scam sites favour', () => {
    expect(imitated('secure-amazon-login.com')).toBe('brand-in-domain/amazon/amazon-jp');
    expect(imitated('myamazonshop.com')).toBe('brand-in-domain/amazon/amazon-jp');
    expect(imitated('mufg-card-help.com')).toBe('brand-in-domain/mufg/mufg-bank');
    expect(imitated('amazon.top')).toBe('brand-in-domain/amazon/amazon-jp');
    expect(imitated('amazon.de')).toBeNull();
    expect(imitated('kuronekoyamato.net')).toBeNull();
    expect(imitated('example.com')).toBeNull();
  });
});
