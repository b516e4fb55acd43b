import type { Response } from 'express';

// File answers (receipts, documents, archives): always an attachment, never rendered by the browser, never stored by
// a shared cache. The name is the uploader's and is only ever used inside this header.

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 5987). */
export function attachment(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'download';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The headers of a download: `type` is chosen by the server (sniffed at upload), `length` in bytes when known (a
 * streamed archive may not know it yet), `name` the file name offered for saving.
 */
export function downloadHeaders(res: Response, file: { type: string; name: string; length?: number }): void {
  res.setHeader('Content-Type', file.type);
  if (file.length !== undefined) res.setHeader('Content-Length', String(file.length));
  res.setHeader('Content-Disposition', attachment(file.name));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
}
