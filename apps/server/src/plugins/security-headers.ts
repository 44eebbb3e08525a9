import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * Security headers on the SPA and the API. The built app loads only its own scripts and styles (React sets
 * inline styles through the DOM, which CSP allows), talks to its own origin (WebSockets included) and is
 * never framed. Served over plain HTTP on a LAN address too, so no upgrade-insecure-requests and no HSTS:
 * a TLS proxy in front decides those.
 */
export const securityHeadersPlugin = fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          imgSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: false,
    });
  },
  { name: 'security-headers' },
);
