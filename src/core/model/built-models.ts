// The two bundled text models with their look-up tables built. Only data leaves this
// module: the CLI's build runs it and ships the built models (scripts/build-cli.ts,
// PREBUILT), so a start neither parses the model files' JSON (base64 and training notes,
// 330 KB) nor decodes and hashes 20,000 features per model.
import emailData from '../../../data/model/email.json' with { type: 'json' };
import smsData from '../../../data/model/sms.json' with { type: 'json' };
import type { ModelFile } from './model-file.js';
import { buildModel } from './model.js';

export const EMAIL_MODEL = buildModel(emailData as ModelFile, 'data/model/email.json');

export const SMS_MODEL = buildModel(smsData as ModelFile, 'data/model/sms.json');
