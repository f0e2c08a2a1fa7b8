// Every limit that keeps hostile or broken input from exhausting memory or time.
// Each constant says what it stops; past a limit the caller gets a clear error
// (inputs) or a result that records what was skipped (`Message.skipped`).

/** Largest single input (one .eml, one text, one mbox file). Stops memory exhaustion
 * from a huge upload; 25 MB is above what mail servers accept for one message. */
export const MAX_INPUT_BYTES = 25 * 1024 * 1024;

/** Deepest multipart nesting we descend into. Real mail nests 3–5 levels; a
 * "MIME bomb" nests thousands to blow the parser's stack. Deeper parts are skipped. */
export const MAX_MIME_DEPTH = 50;

/** Most MIME parts (attachments and inline parts) kept for one message. Stops a
 * message made of hundreds of thousands of tiny parts from flooding later checks. */
export const MAX_MIME_PARTS = 500;

/** Bytes of header block the email parser accepts. Stops folded-header floods. */
export const MAX_HEADER_BYTES = 2 * 1024 * 1024;

/** Longest line (in characters) that text extraction scans; a longer line is cut there.
 * Stops one multi-megabyte line (base64 pasted as text, minified HTML) from making
 * URL and phone scanning slow. */
export const MAX_LINE_CHARS = 100_000;

/** Characters of readable text scanned by the extractors. Stops a 25 MB text body
 * from making every later check slow; phishing puts its lure near the top. */
export const MAX_SCAN_CHARS = 1_000_000;

/** URLs kept per message. Stops link-stuffed spam from making link checks quadratic. */
export const MAX_URLS_PER_MESSAGE = 500;

/** Phone numbers, email addresses, money amounts and deadlines kept per message,
 * each. Stops digit- or address-stuffed text from flooding the result object. */
export const MAX_ITEMS_PER_KIND = 200;

/** HTML elements the HTML-to-text converter visits. Stops pathological markup
 * (millions of empty tags) from taking seconds to convert. */
export const MAX_HTML_ELEMENTS = 200_000;

/** Lines starting with "--" handed to the MIME parser. Any such line may open a MIME
 * part, which costs postal-mime about 30 µs and 1.5 KB (300,000 parts: 9 s, 480 MB).
 * MAX_MIME_PARTS is enforced by our own boundary scanner; this cap needs no parsing at
 * all, so it still holds when a message writes its boundary in a form the scanner reads
 * differently from postal-mime. The rest of the message past the cap is not parsed. */
export const MAX_BOUNDARY_LINES = 5_000;

/** Attached messages (message/rfc822) parsed as part of the message that carries them.
 * Forwarded-as-attachment mail nests one or two deep; every level is a full parse of its
 * own, so a chain of nested messages multiplies the work. Deeper ones stay opaque
 * attachments. */
export const MAX_MESSAGE_NESTING = 5;

/** Bytes of one top-level header field (its folded lines included) handed to the mail
 * parser; longer fields are cut there. Stops one giant header from making a message slow:
 * postal-mime's address parser takes 7 s for a 2 MB To: made of colons. Real fields are far
 * shorter (a To: with 500 recipients is about 25 KB). */
export const MAX_HEADER_FIELD_BYTES = 64 * 1024;
