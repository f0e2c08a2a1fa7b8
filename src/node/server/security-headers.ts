// Security headers for every response. The web app is built without inline scripts or
// style attributes, so the policy can allow only files from this origin.
import { secureHeaders } from 'hono/secure-headers';

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    // The message checker runs in the page; only same-origin API calls leave it.
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  xContentTypeOptions: 'nosniff',
  xFrameOptions: 'DENY',
  // The app runs on plain http on loopback by default; HSTS belongs to the TLS proxy in front.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
});
