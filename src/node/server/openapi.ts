// The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. Written by
// hand next to the routes; a test checks that every mounted route is described here and
// that nothing described here is missing from the server.
import { REQUEST_ACTS, REQUEST_MEANS } from '../../core/extract/requests.js';
import { PLAN_ANSWERS } from '../../core/plan/index.js';
import scamPatterns from '../../../data/scam-patterns.json' with { type: 'json' };
import { FINDING_CODES, LINT_SEVERITIES, MAX_NOTICE_DRAFT_CHARS, NOTICE_CHANNELS, NOTICE_PARTS } from '../../core/notice-lint/index.js';
import { MAX_CHECK_BODY_BYTES, MAX_NOTICE_LINT_BODY_BYTES } from './limits.js';
import { z } from 'zod';
import { WELL_KNOWN_NOTICE_KEYS_PATH } from '../../core/notices/keys.js';
import { NoticeKeySchema, NoticeKeysDocumentSchema } from '../../core/notices/keys-schema.js';
import { MAX_POSTAL_INPUT_CHARS } from '../../core/notices/postal.js';
import { MAX_PAYLOAD_TEXT_CHARS } from '../../core/notices/statement.js';

const localizedText = {
  type: 'object',
  required: ['ja', 'en'],
  properties: { ja: { type: 'string' }, en: { type: 'string' } },
} as const;

const error = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string', description: 'One line saying what went wrong.' }, message: localizedText },
} as const;

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

const planQuery = [
  { name: 'incident', in: 'query', schema: { type: 'string' }, description: 'Incident id; give this or dataClasses.' },
  { name: 'org', in: 'query', schema: { type: 'string' } },
  { name: 'dataClasses', in: 'query', schema: { type: 'string' }, description: 'Comma-separated data class ids.' },
  { name: 'notExposed', in: 'query', schema: { type: 'string' }, description: 'Comma-separated data class ids.' },
  { name: 'answers', in: 'query', schema: { type: 'string' }, description: `Comma-separated: ${PLAN_ANSWERS.join(', ')}.` },
  { name: 'done', in: 'query', schema: { type: 'string' }, description: 'Comma-separated step ids done, each optionally :YYYY-MM-DD.' },
  { name: 'lang', in: 'query', schema: { type: 'string', enum: ['ja', 'en'] } },
];

function planDownload(operationId: string, summary: string, mediaType: string) {
  return {
    get: {
      operationId,
      summary,
      description: 'The query is never logged; the file is not stored.',
      parameters: planQuery,
      responses: {
        '200': { description: summary, content: { [mediaType]: { schema: { type: 'string' } } } },
        '400': errorResponse('The query does not describe a plan.'),
        '404': errorResponse('No such incident.'),
        ...(mediaType === 'application/pdf' ? { '503': errorResponse('Busy making other PDFs; see Retry-After.') } : {}),
      },
    },
  };
}

const rateLimited = {
  description: 'Too many POST requests from this address in the last minute; see Retry-After.',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/** The pretexts a request can name: the pretext concepts of data/scam-patterns.json. */
const PRETEXTS = Object.keys(scamPatterns.concepts)
  .filter((name) => name.startsWith('pretext.'))
  .map((name) => name.slice('pretext.'.length));

const checkResult = {
  type: 'object',
  description: 'The result object of the design (§4). Reasons and advice carry both languages.',
  required: ['id', 'risk', 'score', 'kind', 'bulk', 'claimed', 'incident', 'reasons', 'advice', 'requests', 'extracted'],
  properties: {
    id: { type: 'string' },
    risk: { type: 'string', enum: ['low', 'medium', 'high'] },
    score: { type: 'integer', minimum: 0, maximum: 100 },
    kind: { type: 'string', enum: ['breach-notice', 'message'] },
    bulk: {
      type: 'boolean',
      description: 'An email of medium risk on how mass mail looks alone (its wording, machine-made addresses), speaking for no organization and with no evidence of harm: advertising mail, told as such.',
    },
    claimed: { type: 'object', properties: { organizations: { type: 'array', items: { type: 'string' } } } },
    incident: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          properties: {
            id: { type: 'string' },
            consistent: { type: 'boolean' },
            differences: { type: 'array', items: { type: 'object' } },
          },
        },
      ],
    },
    reasons: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'severity', 'message', 'evidence'],
        properties: {
          code: { type: 'string' },
          severity: { type: 'string', enum: ['positive', 'info', 'low', 'medium', 'high'] },
          score: { type: 'number' },
          message: localizedText,
          evidence: { type: 'string' },
        },
      },
    },
    advice: {
      type: 'array',
      items: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: localizedText } },
    },
    requests: {
      type: 'array',
      description: 'What the message asks the reader to do (pay, hand over a card, tell a PIN, call …), in the order read; empty when it asks nothing.',
      items: {
        type: 'object',
        required: ['act', 'object', 'means', 'pretext', 'reported', 'evidence'],
        properties: {
          act: { type: 'string', enum: [...REQUEST_ACTS] },
          object: { type: ['string', 'null'], description: 'What is asked for, in the words read (NFKC, lower case: 暗証番号, キャッシュカード, 電子マネー), or null.' },
          means: { type: 'array', items: { type: 'string', enum: [...REQUEST_MEANS] }, description: 'How it is to be done.' },
          pretext: {
            oneOf: [{ type: 'null' }, { type: 'string', enum: PRETEXTS }],
            description: 'Why, by the message\'s account: a pretext concept of data/scam-patterns.json without its "pretext." prefix, or null.',
          },
          reported: { type: 'boolean', description: 'Someone\'s words as reported (「…と言われた」), not the message\'s own.' },
          evidence: { type: 'string', description: 'The words that make the request, NFKC-normalized and lower-cased.' },
        },
      },
    },
    message: { type: 'object', description: 'What the reader needs to see of the message; never its recipients.' },
    extracted: { type: 'object', description: 'URLs, domains, phones, emails, money, deadlines and organizations found.' },
    skipped: { type: 'array', items: { type: 'object' }, description: 'What was not looked at because a limit was reached.' },
  },
};

const span = {
  type: 'array',
  description: '[start, end) UTF-16 offsets into the draft as sent.',
  items: { type: 'integer', minimum: 0 },
  minItems: 2,
  maxItems: 2,
} as const;

const noticeLint = {
  type: 'object',
  description: 'What to add to or remove from a draft notice, most important first.',
  required: ['channel', 'organization', 'findings', 'parts', 'counts'],
  properties: {
    channel: { type: 'string', enum: [...NOTICE_CHANNELS] },
    organization: {
      oneOf: [{ type: 'null' }, { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: localizedText } }],
      description: 'The organization the draft speaks for (letterhead, signature), when it is on record.',
    },
    findings: {
      type: 'array',
      description: 'Missing required parts, then scam look-alikes, then advice.',
      items: {
        type: 'object',
        required: ['code', 'severity', 'title', 'message', 'example', 'spans', 'checkerCodes'],
        properties: {
          code: { type: 'string', enum: [...FINDING_CODES] },
          severity: { type: 'string', enum: [...LINT_SEVERITIES] },
          title: localizedText,
          message: { ...localizedText, description: 'Why it matters and what to add, remove or write instead.' },
          example: { oneOf: [{ type: 'null' }, localizedText], description: 'A sentence that could be added, for a missing part.' },
          spans: { type: 'array', items: span, description: 'Where in the draft; empty for a missing part.' },
          checkerCodes: { type: 'array', items: { type: 'string' }, description: "The checker's reason codes (or request.ACT) behind a scam look-alike." },
        },
      },
    },
    parts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['part', 'label', 'required', 'present', 'spans'],
        properties: {
          part: { type: 'string', enum: [...NOTICE_PARTS] },
          label: localizedText,
          required: { type: 'boolean' },
          present: { type: 'boolean' },
          spans: { type: 'array', items: span },
        },
      },
    },
    counts: {
      type: 'object',
      required: [...LINT_SEVERITIES],
      properties: Object.fromEntries(LINT_SEVERITIES.map((severity) => [severity, { type: 'integer', minimum: 0 }])),
    },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'leakaid',
    version: '0.1.0',
    summary: 'Check notices and messages, look up data-leak incidents, make a plan.',
    description:
      'Nothing sent to POST /api/check or POST /api/notice/lint is stored or logged. POST requests are rate-limited per client address.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  paths: {
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'The server is up.',
        responses: {
          '200': {
            description: 'Up.',
            content: {
              'application/json': { schema: { type: 'object', properties: { status: { type: 'string', const: 'ok' } } } },
            },
          },
        },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document.',
        responses: { '200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/api/check': {
      post: {
        operationId: 'check',
        summary: 'Check a message (text or a raw email) and say how risky it is, why, and what to do.',
        description: `The body is at most ${MAX_CHECK_BODY_BYTES / (1024 * 1024)} MB. The result carries every text in Japanese and English, so \`lang\` only records the reader's language.`,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  text: { type: 'string', description: 'An SMS, letter or call transcript as text.' },
                  eml: { type: 'string', description: 'A raw RFC 822 email.' },
                  channel: { type: 'string', enum: ['auto', 'email', 'sms', 'letter', 'call', 'web', 'unknown'] },
                  lang: { type: 'string', enum: ['ja', 'en'] },
                },
                oneOf: [{ required: ['text'] }, { required: ['eml'] }],
              },
            },
          },
        },
        responses: {
          '200': { description: 'The result.', content: { 'application/json': { schema: { $ref: '#/components/schemas/CheckResult' } } } },
          '400': errorResponse('The body is not JSON, gives neither or both of text and eml, or there is nothing to check (no text, subject, link or attachment).'),
          '413': errorResponse('The body is over the size limit.'),
          '429': rateLimited,
        },
      },
    },
    '/api/notice/lint': {
      post: {
        operationId: 'lintNotice',
        summary: 'For organizations: check a draft notice for the parts it must contain and for what makes it look like a scam.',
        description: `The draft is at most ${MAX_NOTICE_DRAFT_CHARS} characters (the body at most ${MAX_NOTICE_LINT_BODY_BYTES / 1024} KB); it is not stored or logged. Findings carry both languages, so \`lang\` only records the reader's language.`,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['text'],
                additionalProperties: false,
                properties: {
                  text: { type: 'string', description: 'The draft notice.' },
                  channel: { type: 'string', enum: [...NOTICE_CHANNELS], description: 'How it will be sent; letter by default.' },
                  lang: { type: 'string', enum: ['ja', 'en'] },
                },
              },
            },
          },
        },
        responses: {
          '200': { description: 'The findings.', content: { 'application/json': { schema: { $ref: '#/components/schemas/NoticeLint' } } } },
          '400': errorResponse('The body is not JSON, has no text, an unknown field or channel, or the draft is empty or too long.'),
          '413': errorResponse('The body is over the size limit.'),
          '429': rateLimited,
        },
      },
    },
    '/api/notice-records': {
      get: {
        operationId: 'noticeRecords',
        summary: 'The incident records breach notices are compared with (what POST /api/check uses); the web app loads them to check in the page.',
        responses: {
          '200': {
            description: 'The incidents that involve an organization on record.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['incidents'],
                  properties: { incidents: { type: 'array', items: { $ref: '#/components/schemas/Incident' } } },
                },
              },
            },
          },
        },
      },
    },
    '/api/incidents': {
      get: {
        operationId: 'searchIncidents',
        summary: 'Search incidents and organizations (Japanese or English); the newest without q.',
        parameters: [{ name: 'q', in: 'query', schema: { type: 'string' }, description: 'Words to search for. Never logged.' }],
        responses: {
          '200': {
            description: 'Matching incidents.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['query', 'results'],
                  properties: { query: { type: 'string' }, results: { type: 'array', items: { $ref: '#/components/schemas/IncidentSummary' } } },
                },
              },
            },
          },
        },
      },
    },
    '/api/incidents/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getIncident',
        summary: 'One incident: what happened, who was affected, what leaked and what did not, official channels, scams, timeline.',
        responses: {
          '200': { description: 'The incident.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Incident' } } } },
          '404': errorResponse('No incident with this id.'),
        },
      },
    },
    '/api/incident-index': {
      get: {
        operationId: 'incidentIndex',
        summary: 'The registry in brief: every incident with its affected organizations and what leaked or did not.',
        description:
          'The web app\'s "which of my companies leaked?" page fetches this whole, before anything is picked, and matches the picks in the browser: the request carries nothing of them.',
        responses: {
          '200': {
            description: 'All incidents, in brief.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['incidents'],
                  properties: { incidents: { type: 'array', items: { $ref: '#/components/schemas/IncidentIndexEntry' } } },
                },
              },
            },
          },
        },
      },
    },
    '/api/organizations/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getOrganization',
        summary: 'One organization: its official domains, phones and SMS senders (with sources), its incidents, and how it told people.',
        responses: {
          '200': { description: 'The organization.', content: { 'application/json': { schema: { $ref: '#/components/schemas/OrganizationProfile' } } } },
          '404': errorResponse('Neither the organizations on record nor any incident know this id.'),
        },
      },
    },
    '/api/schema/incident.json': {
      get: {
        operationId: 'incidentSchema',
        summary: "The registry's incident format as JSON Schema (draft 2020-12): what `leakaid incidents import` and PUT /api/admin/incidents/{id} accept.",
        description:
          'Beyond the schema, a record must use data classes of the vocabulary (data/registry/data-classes.json) and name every organization that data/organizations.json does not know.',
        responses: { '200': { description: 'JSON Schema.', content: { 'application/schema+json': { schema: { type: 'object' } } } } },
      },
    },
    '/api/v3/breaches': {
      get: {
        operationId: 'hibpBreaches',
        summary: "All incidents in Have I Been Pwned's breach model.",
        parameters: [{ name: 'domain', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'Breaches (HIBP v3 model), with attribution headers for records from HIBP.',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/HibpBreach' } } } },
          },
        },
      },
    },
    '/api/v3/breach/{name}': {
      parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'hibpBreach',
        summary: "One incident in Have I Been Pwned's breach model.",
        responses: {
          '200': { description: 'The breach.', content: { 'application/json': { schema: { $ref: '#/components/schemas/HibpBreach' } } } },
          '404': { description: 'No breach with this name (empty body, as HIBP).' },
        },
      },
    },
    '/feed.atom': {
      get: {
        operationId: 'feed',
        summary: 'The newest and most recently updated incidents as an Atom feed: the registry\'s own first, records imported from Have I Been Pwned only in the places left.',
        responses: { '200': { description: 'Atom feed.', content: { 'application/atom+xml': { schema: { type: 'string' } } } } },
      },
    },
    '/api/admin/incidents/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      put: {
        operationId: 'putIncident',
        summary: 'Add or replace an incident (administrators).',
        security: [{ adminToken: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Incident' } } } },
        responses: {
          '200': { description: 'Stored.', content: { 'application/json': { schema: { type: 'object' } } } },
          '400': {
            description: 'Not a valid incident (every problem is listed, with its field), or the id differs from the URL.',
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { $ref: '#/components/schemas/Error' },
                    {
                      type: 'object',
                      properties: {
                        problems: {
                          type: 'array',
                          items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
                        },
                      },
                    },
                  ],
                },
              },
            },
          },
          '401': errorResponse('No valid admin token.'),
          '403': errorResponse('Writing is turned off on this server.'),
          '413': errorResponse('The body is over the size limit.'),
          '429': rateLimited,
        },
      },
    },
    '/api/admin/import': {
      post: {
        operationId: 'importIncidents',
        summary: "Import Have I Been Pwned's breach list, or incidents in the registry's own format (administrators).",
        description:
          'format=hibp (the default): an array of breaches; valid records are kept and invalid ones reported. format=registry: one incident or an array (GET /api/schema/incident.json); a body with any problem imports nothing, and every problem is listed.',
        security: [{ adminToken: [] }],
        parameters: [{ name: 'format', in: 'query', schema: { type: 'string', enum: ['hibp', 'registry'] } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { type: 'array', items: { $ref: '#/components/schemas/HibpBreach' } },
                  { $ref: '#/components/schemas/Incident' },
                  { type: 'array', items: { $ref: '#/components/schemas/Incident' } },
                ],
              },
            },
          },
        },
        responses: {
          '200': { description: 'What was added, updated and left unchanged (and, for HIBP, refused).', content: { 'application/json': { schema: { type: 'object' } } } },
          '400': errorResponse('Not a breach list, or incidents with problems (listed in `problems`, each with its record and field).'),
          '401': errorResponse('No valid admin token.'),
          '403': errorResponse('Writing is turned off on this server.'),
          '413': errorResponse('The body is over the size limit.'),
          '429': rateLimited,
        },
      },
    },
    '/api/verify': {
      post: {
        operationId: 'verifyNotice',
        summary: 'Is this notice genuine? A typed short code (looked up in the store) or a QR payload (checked by its signature against the registered keys).',
        description:
          'Give `code` or `payload` (the QR code\'s URL or the text after its #), and optionally `postalCode` to confirm the notice was addressed to the person. Nothing in the request is stored or logged. Code look-ups are limited per client (counted in the store, so every server shares the count).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  code: { type: 'string', maxLength: MAX_PAYLOAD_TEXT_CHARS, description: 'The short code as typed: K7QM-3XVA-9D2R-HT4W-8, any case, spacing or width.' },
                  payload: { type: 'string', maxLength: MAX_PAYLOAD_TEXT_CHARS },
                  postalCode: { type: 'string', maxLength: MAX_POSTAL_INPUT_CHARS, description: '〒530-0001, 5300001, full-width digits…' },
                },
              },
            },
          },
        },
        responses: {
          '200': { description: 'The answer.', content: { 'application/json': { schema: { $ref: '#/components/schemas/NoticeVerification' } } } },
          '400': {
            description: 'Not JSON, neither or both of code and payload, a postal code that is not 7 digits (an Error), or a code or payload that cannot be read (a NoticeVerification with status invalid-format).',
            content: { 'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Error' }, { $ref: '#/components/schemas/NoticeVerification' }] } } },
          },
          '413': errorResponse('The body is over the size limit.'),
          '429': { ...rateLimited, description: 'Too many code look-ups (or POST requests) from this client; see Retry-After.' },
        },
      },
    },
    '/api/notice-keys': {
      get: {
        operationId: 'noticeKeys',
        summary: 'The registered issuer keys, with their status and withdrawn notices: what a browser checks a QR code against.',
        responses: { '200': { description: 'The keys document.', content: { 'application/json': { schema: { $ref: '#/components/schemas/NoticeKeysDocument' } } } } },
      },
    },
    [WELL_KNOWN_NOTICE_KEYS_PATH]: {
      get: {
        operationId: 'wellKnownNoticeKeys',
        summary: 'The same keys document at the well-known path an organization also uses on its own domain.',
        responses: { '200': { description: 'The keys document.', content: { 'application/json': { schema: { $ref: '#/components/schemas/NoticeKeysDocument' } } } } },
      },
    },
    '/api/admin/notice-keys': {
      post: {
        operationId: 'registerNoticeKey',
        summary: "Register an organization's Ed25519 public key (administrators). The domain must be one of its official domains on record.",
        security: [{ adminToken: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['organizationId', 'publicKey', 'domain'],
                properties: {
                  organizationId: { type: 'string' },
                  publicKey: { type: 'string', description: 'Raw 32-byte key, base64url (as `leakaid issuer keygen` prints it).' },
                  domain: { type: 'string' },
                  validFrom: { type: 'string', format: 'date', description: 'Default today.' },
                },
              },
            },
          },
        },
        responses: {
          '201': { description: 'Registered.', content: { 'application/json': { schema: { $ref: '#/components/schemas/NoticeKey' } } } },
          '400': errorResponse('Not a key, an organization not on record, a domain not its own, or a key already registered.'),
          '401': errorResponse('No valid admin token.'),
          '403': errorResponse('Writing is turned off on this server.'),
          '429': rateLimited,
        },
      },
    },
    '/api/admin/notice-keys/{keyId}/revoke': {
      parameters: [{ name: 'keyId', in: 'path', required: true, schema: { type: 'string' } }],
      post: {
        operationId: 'revokeNoticeKey',
        summary: 'Revoke a key (administrators): every notice it signed then verifies as key-revoked.',
        security: [{ adminToken: [] }],
        requestBody: { content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { on: { type: 'string', format: 'date' } } } } } },
        responses: {
          '200': { description: 'Revoked.', content: { 'application/json': { schema: { type: 'object' } } } },
          '400': errorResponse('The date is not YYYY-MM-DD.'),
          '401': errorResponse('No valid admin token.'),
          '403': errorResponse('Writing is turned off on this server.'),
          '404': errorResponse('No such key.'),
          '429': rateLimited,
        },
      },
    },
    '/api/admin/notices/{serial}/revoke': {
      parameters: [{ name: 'serial', in: 'path', required: true, schema: { type: 'string' } }],
      post: {
        operationId: 'revokeNotice',
        summary: 'Withdraw one notice (administrators): it then verifies as revoked.',
        security: [{ adminToken: [] }],
        requestBody: { content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { on: { type: 'string', format: 'date' } } } } } },
        responses: {
          '200': { description: 'Withdrawn.', content: { 'application/json': { schema: { type: 'object' } } } },
          '400': errorResponse('The date is not YYYY-MM-DD.'),
          '401': errorResponse('No valid admin token.'),
          '403': errorResponse('Writing is turned off on this server.'),
          '404': errorResponse('No notice has this serial.'),
          '429': rateLimited,
        },
      },
    },
    '/api/plan': {
      post: {
        operationId: 'plan',
        summary: 'Build the to-do list for an incident (or for data classes) and a few yes/no answers.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  incident: { type: 'string', description: 'Incident id; give this or dataClasses.' },
                  org: { type: 'string', description: 'The affected organization, when the incident has several.' },
                  dataClasses: { type: 'array', items: { type: 'string' } },
                  notExposed: { type: 'array', items: { type: 'string' } },
                  answers: { type: 'array', items: { type: 'string', enum: [...PLAN_ANSWERS] } },
                  lang: { type: 'string', enum: ['ja', 'en'] },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The plan, with download links for Markdown, PDF and calendar reminders.',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          '400': errorResponse('The body is not a valid plan request.'),
          '404': errorResponse('No such incident.'),
          '413': errorResponse('The body is over the size limit.'),
          '429': rateLimited,
        },
      },
    },
    '/api/plan.md': planDownload('planMarkdown', 'The plan as Markdown.', 'text/markdown'),
    '/api/plan.pdf': planDownload('planPdf', 'The plan as an A4 PDF with tick boxes.', 'application/pdf'),
    '/api/plan.ics': planDownload('planIcs', 'Calendar reminders for the recurring steps.', 'text/calendar'),
    '/range/{prefix}': {
      parameters: [
        {
          name: 'prefix',
          in: 'path',
          required: true,
          description: 'The first 5 hex characters of the password hash (SHA-1, or NTLM with mode=ntlm).',
          schema: { type: 'string', pattern: '^[0-9A-Fa-f]{5}$' },
        },
      ],
      get: {
        operationId: 'passwordRange',
        summary: 'Pwned Passwords range API: every hash suffix under the prefix, with its count.',
        description: 'Compatible with https://haveibeenpwned.com/API/v3#PwnedPasswords. The password never leaves the client.',
        parameters: [
          { name: 'mode', in: 'query', schema: { type: 'string', enum: ['ntlm'] }, description: 'NTLM hashes instead of SHA-1.' },
          {
            name: 'Add-Padding',
            in: 'header',
            schema: { type: 'string', enum: ['true'] },
            description: 'Pad the answer to 800–1,000 lines with zero-count suffixes.',
          },
        ],
        responses: {
          '200': { description: '`SUFFIX:COUNT` lines, CRLF-separated.', content: { 'text/plain': { schema: { type: 'string' } } } },
          '400': { description: 'The prefix is not 5 hex characters.', content: { 'text/plain': { schema: { type: 'string' } } } },
          '503': { description: 'No password range store on this server.', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
      options: {
        operationId: 'passwordRangePreflight',
        summary: 'CORS preflight for the range API.',
        responses: { '204': { description: 'Allowed: GET with the Add-Padding header.' } },
      },
    },
  } as Record<string, unknown>,
  components: {
    schemas: {
      LocalizedText: localizedText,
      Error: error,
      CheckResult: checkResult,
      NoticeLint: noticeLint,
      NoticeKeysDocument: z.toJSONSchema(NoticeKeysDocumentSchema, { target: 'draft-2020-12' }),
      NoticeKey: z.toJSONSchema(NoticeKeySchema, { target: 'draft-2020-12' }),
      NoticeVerification: {
        type: 'object',
        description: 'See src/core/notices/answer.ts (NoticeVerification).',
        required: ['status', 'checkedBy', 'notice', 'organization', 'incident', 'postalCode', 'summary', 'advice'],
        properties: {
          status: { type: 'string', enum: ['genuine', 'revoked', 'unknown', 'invalid-format', 'bad-signature', 'key-revoked'] },
          checkedBy: { type: 'string', enum: ['code', 'payload'] },
          notice: {
            type: ['object', 'null'],
            properties: {
              keyId: { type: 'string' },
              incidentId: { type: 'string' },
              organizationId: { type: 'string' },
              serial: { type: 'string' },
              issued: { type: 'string', format: 'date' },
              channel: { type: 'string', enum: ['postcard', 'letter', 'email', 'sms'] },
            },
          },
          organization: {
            type: ['object', 'null'],
            description: 'The issuer with its official domains and contacts on record, each with its source.',
            properties: {
              id: { type: 'string' },
              name: localizedText,
              domains: { type: 'array', items: { type: 'object', properties: { domain: { type: 'string' }, source: { type: 'string' } } } },
              contacts: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, value: { type: 'string' }, label: localizedText, source: { type: 'string' } } } },
              keysPublishedAt: { type: 'string' },
            },
          },
          incident: {
            type: ['object', 'null'],
            properties: {
              id: { type: 'string' },
              title: localizedText,
              leaked: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: localizedText } } },
              notLeaked: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: localizedText } } },
            },
          },
          postalCode: { type: 'string', enum: ['match', 'mismatch', 'not-asked', 'not-on-notice'] },
          summary: localizedText,
          advice: { type: 'array', items: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: localizedText } } },
        },
      },
      IncidentSummary: {
        type: 'object',
        required: ['id', 'title', 'status', 'organizationIds'],
        properties: {
          id: { type: 'string' },
          title: localizedText,
          announcedDate: { type: 'string' },
          totalRecords: { type: 'integer' },
          status: { type: 'string', enum: ['confirmed', 'reported', 'unverified'] },
          organizationIds: { type: 'array', items: { type: 'string' } },
        },
      },
      Incident: {
        type: 'object',
        description: 'See src/core/registry/types.ts (Incident): every fact carries its sources.',
        required: ['id', 'title', 'summary', 'status', 'affected', 'timeline', 'followUpScams', 'sources'],
        properties: {
          id: { type: 'string' },
          title: localizedText,
          summary: localizedText,
          status: { type: 'string', enum: ['confirmed', 'reported', 'unverified'] },
          affected: { type: 'array', items: { type: 'object' } },
          timeline: { type: 'array', items: { type: 'object' } },
          followUpScams: { type: 'array', items: { type: 'object' } },
          sources: { type: 'array', items: { type: 'object' } },
        },
      },
      IncidentIndexEntry: {
        type: 'object',
        description: 'See src/core/registry/incident-index.ts.',
        required: ['id', 'title', 'status', 'affected'],
        properties: {
          id: { type: 'string' },
          title: localizedText,
          date: { type: 'string', description: 'When it became known: YYYY, YYYY-MM or YYYY-MM-DD.' },
          status: { type: 'string', enum: ['confirmed', 'reported', 'unverified'] },
          totalRecords: { type: 'integer' },
          fromHibp: { type: 'boolean', description: 'A record imported from Have I Been Pwned (CC BY 4.0).' },
          affected: {
            type: 'array',
            items: {
              type: 'object',
              required: ['organizationId', 'dataClasses', 'notExposed'],
              properties: {
                organizationId: { type: 'string' },
                name: localizedText,
                records: { type: 'integer' },
                dataClasses: { type: 'array', items: { type: 'string' } },
                notExposed: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
      OrganizationProfile: {
        type: 'object',
        description: 'See src/core/registry/organization-directory.ts (OrganizationProfile).',
        required: ['id', 'display', 'incidents', 'noticeMethods'],
        properties: {
          id: { type: 'string' },
          display: localizedText,
          organization: { type: 'object', description: 'Its entry in data/organizations.json: domains, phones, SMS senders, each with source and date checked.' },
          incidents: { type: 'array', items: { type: 'object' } },
          noticeMethods: {
            type: 'array',
            items: {
              type: 'object',
              required: ['method', 'incidentId', 'sources'],
              properties: { method: { type: 'string' }, incidentId: { type: 'string' }, date: { type: 'string' }, sources: { type: 'array', items: { type: 'object' } } },
            },
          },
        },
      },
      HibpBreach: {
        type: 'object',
        description: "Have I Been Pwned's breach model (https://haveibeenpwned.com/API/v3#BreachModel).",
        required: ['Name', 'Title', 'Domain', 'BreachDate', 'PwnCount', 'DataClasses'],
        properties: {
          Name: { type: 'string' },
          Title: { type: 'string' },
          Domain: { type: 'string' },
          BreachDate: { type: 'string' },
          PwnCount: { type: 'integer' },
          DataClasses: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'LEAKAID_ADMIN_TOKEN' } },
  },
};
