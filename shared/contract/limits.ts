/**
 * Size limits shared by the contract (zod schemas) and the transports (WebSocket maxPayload, buffered bytes of
 * a client that reads slowly), so the two always agree: any request the contract accepts fits through every
 * transport, and a transport refuses only what the contract would refuse anyway.
 *
 * Invariants:
 * - no large argument (show snapshot, run-sheet, report) may be more than MAX_CONTRACT_ARG_BYTES as JSON (UTF-8);
 *   the schemas check it with `jsonByteLength`, and the renderer checks the same number before sending;
 * - every other argument is small and bounded field by field (strict schemas), so a whole request message is at
 *   most MAX_CONTRACT_ARG_BYTES + MAX_REQUEST_ENVELOPE_BYTES, which is the WebSocket maxPayload (MAX_WIRE_MESSAGE_BYTES);
 * - images never travel inside those arguments: they are assets (≤ MAX_ASSET_BYTES, png/jpeg/webp), uploaded
 *   once and referred to by their SHA-256 (`assetHashSchema`);
 * - pure (no Node built-ins, no zod): the renderer, the preload and the services all import it.
 */

/** Segments a show may have to go live (the snapshot's bound). */
export const MAX_SEGMENTS = 500;

/** Largest JSON (UTF-8 bytes) of one large contract argument: a show snapshot, a run-sheet, a report. */
export const MAX_CONTRACT_ARG_BYTES = 4 * 1024 * 1024;

/** Room for the request envelope ({t,id,method,args}) and the small arguments beside a large one. */
export const MAX_REQUEST_ENVELOPE_BYTES = 256 * 1024;

/** WebSocket maxPayload of the studio socket: the largest request the contract can produce fits. */
export const MAX_WIRE_MESSAGE_BYTES = MAX_CONTRACT_ARG_BYTES + MAX_REQUEST_ENVELOPE_BYTES;

/**
 * Bytes queued for one client (WebSocket bufferedAmount, SSE writableLength) above which it is dropped as not
 * reading. Checked before each send, so a client holds at most this plus one message.
 */
export const MAX_CLIENT_BUFFERED_BYTES = MAX_WIRE_MESSAGE_BYTES;

/** Largest image asset (bytes, before base64). The renderer sends small thumbnails (a few tens of KB). */
export const MAX_ASSET_BYTES = 1024 * 1024;

/** Base64 characters of the largest asset. */
export const MAX_ASSET_BASE64_CHARS = Math.ceil(MAX_ASSET_BYTES / 3) * 4;

/** Hashes a request may ask about at once (findMissingAssets). */
export const MAX_ASSET_HASHES = 2000;

export const ASSET_HASH_PATTERN = /^[0-9a-f]{64}$/;

export const assetMimeTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type AssetMimeType = (typeof assetMimeTypes)[number];

/** UTF-8 length of a string, without allocating its bytes (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of `value` as JSON on the wire (what JSON.stringify sends, UTF-8). */
export function jsonByteLength(value: unknown): number {
  return utf8ByteLength(JSON.stringify(value) ?? '');
}

/** The sentence a schema reports when an argument is over MAX_CONTRACT_ARG_BYTES (null when it fits). */
export function oversizeMessage(what: string, value: unknown): string | null {
  const bytes = jsonByteLength(value);
  if (bytes <= MAX_CONTRACT_ARG_BYTES) return null;
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return `${what} is ${mb(bytes)} MB as JSON; at most ${mb(MAX_CONTRACT_ARG_BYTES)} MB are accepted`;
}
