// The knowledge bundled with the product (data/*.json, the registry's seed incidents) is
// validated here, when the product is built (scripts/build-cli.ts) and when it is
// tested, not on every start: parsing it with its schemas took longer than checking a
// message, and bundled data cannot change between the build and the start. What people
// send in (imports, API requests) is still validated when it arrives.
import abusedTlds from '../../data/abused-tlds.json' with { type: 'json' };
import advice from '../../data/advice.json' with { type: 'json' };
import freemail from '../../data/freemail.json' with { type: 'json' };
import lures from '../../data/lures.json' with { type: 'json' };
import noticeLint from '../../data/notice-lint.json' with { type: 'json' };
import emailModel from '../../data/model/email.json' with { type: 'json' };
import smsModel from '../../data/model/sms.json' with { type: 'json' };
import organizations from '../../data/organizations.json' with { type: 'json' };
import reasons from '../../data/reasons.json' with { type: 'json' };
import dataClasses from '../../data/registry/data-classes.json' with { type: 'json' };
import scamPatterns from '../../data/scam-patterns.json' with { type: 'json' };
import shorteners from '../../data/shorteners.json' with { type: 'json' };
import { parseAbusedTlds, parseFreemail, parseShorteners } from './knowledge/lists-schema.js';
import { parseLures } from './knowledge/lures-schema.js';
import { parseOrganizations } from './knowledge/organizations-schema.js';
import { parseScamPatterns } from './knowledge/scam-patterns-schema.js';
import { loadModel } from './model/model-file.js';
import { parseNoticeLintKnowledge } from './notice-lint/knowledge-schema.js';
import { parseDataClasses } from './registry/data-classes-schema.js';
import { SEED_FILES } from './registry/seed-files.js';
import { formatProblems, validateIncident } from './registry/validate.js';
import { parseAdvice, parseReasons } from './verdict/data-schema.js';

/** Throws, naming the file and every problem, when a bundled knowledge file is invalid. */
export function validateBundledKnowledge(): void {
  parseOrganizations(organizations);
  parseShorteners(shorteners);
  parseAbusedTlds(abusedTlds);
  parseFreemail(freemail);
  parseLures(lures);
  parseScamPatterns(scamPatterns);
  parseReasons(reasons);
  parseAdvice(advice);
  parseDataClasses(dataClasses);
  parseNoticeLintKnowledge(noticeLint);
  loadModel(emailModel, 'data/model/email.json');
  loadModel(smsModel, 'data/model/sms.json');
  for (const file of SEED_FILES) {
    const checked = validateIncident(file.data);
    if (!checked.ok) throw new Error(`${file.path} is invalid:\n${formatProblems(checked.problems).join('\n')}`);
  }
}
