// A message with nothing to read is refused with a clear error, not judged "low risk".
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../src/core/check.js';
import { NothingToCheckError } from '../../src/core/message/errors.js';

describe('nothing to check', () => {
  it.each([
    ['empty text', { id: 't', text: '' }],
    ['white space and a full-width space', { id: 't', text: ' \n\t\u3000' }],
    ['an email of headers only', { id: 'e', eml: 'From: a@example.jp\r\nTo: b@example.jp\r\nSubject: \r\n\r\n' }],
  ] as const)('%s', async (_what, input) => {
    await expect(checkInput(input)).rejects.toBeInstanceOf(NothingToCheckError);
  });

  it('a subject alone, or an attachment alone, is something to check', async () => {
    await expect(checkInput({ id: 's', eml: 'From: a@example.jp\r\nSubject: 至急ご確認ください\r\n\r\n' })).resolves.toMatchObject({ id: 's' });
    const withAttachment = [
      'From: a@example.jp',
      'Subject:',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: application/octet-stream; name="invoice.exe"',
      'Content-Disposition: attachment; filename="invoice.exe"',
      'Content-Transfer-Encoding: base64',
      '',
      'TVqQAAMAAAAEAAAA',
      '--b--',
      '',
    ].join('\r\n');
    const result = await checkInput({ id: 'a', eml: withAttachment });
    expect(result.message.attachments).toHaveLength(1);
  });
});
