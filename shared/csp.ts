// NetDesk's Content-Security-Policy: one policy for the Electron window (app:// header) and for
// browser mode's loopback server, so the renderer behaves the same in both.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Ant Design writes its styles at run time
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

// Vite names every built script and stylesheet under assets/ after a hash of its content, so such a
// file never changes under its name: the browser (and Electron) may keep it, and the compiled code
// V8 caches for it, across starts. A cold start then neither fetches nor recompiles the JavaScript.
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/;

/** Cache-Control for a file of the built renderer, by its path relative to the renderer folder. */
export function staticCacheControl(relativePath: string): string {
  return HASHED_ASSET.test(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
