// The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. Written by
// hand next to the routes; a test checks that every mounted route is described here and
// that nothing described here is missing from the server.
import { MAX_CHECK_BODY_BYTES } from './limits.js';

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

const rateLimited = {
  description: 'Too many POST requests from this address in the last minute; see Retry-After.',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const checkResult = {
  type: 'object',
  description: 'The result object of the design (§4). Reasons and advice carry both languages.',
  required: ['id', 'risk', 'score', 'kind', 'claimed', 'incident', 'reasons', 'advice', 'extracted'],
  properties: {
    id: { type: 'string' },
    risk: { type: 'string', enum: ['low', 'medium', 'high'] },
    score: { type: 'integer', minimum: 0, maximum: 100 },
    kind: { type: 'string', enum: ['breach-notice', 'message'] },
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
    message: { type: 'object', description: 'What the reader needs to see of the message; never its recipients.' },
    extracted: { type: 'object', description: 'URLs, domains, phones, emails, money, deadlines and organizations found.' },
    skipped: { type: 'array', items: { type: 'object' }, description: 'What was not looked at because a limit was reached.' },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'leakaid',
    version: '0.1.0',
    summary: 'Check notices and messages, look up data-leak incidents, make a plan.',
    description:
      'Nothing sent to POST /api/check is stored or logged. POST requests are rate-limited per client address.',
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
          '400': errorResponse('The body is not JSON, or gives neither or both of text and eml.'),
          '413': errorResponse('The body is over the size limit.'),
          '429': rateLimited,
        },
      },
    },
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
    schemas: { LocalizedText: localizedText, Error: error, CheckResult: checkResult },
  },
};
