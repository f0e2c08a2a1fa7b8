// Signed, verifiable notices: the short code, the QR payload and its signature, the
// postal-code commitment, the issuers' key format, and the answer shown to a person.
// Pure: the web page uses it as it is; the CLI and the server add the store.
export * from './answer.js';
export * from './keys.js';
export * from './postal.js';
export * from './short-code.js';
export * from './statement.js';
export * from './verify.js';
