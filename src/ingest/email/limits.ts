import { AppError, BadRequestError } from '../../errors.js';

/** What one inbound email may cost us. Cloudflare Email Routing itself stops at 25 MiB. */
export const EMAIL_LIMITS = {
  maxBytes: 25 * 1024 * 1024,
  /** Total header bytes over every part (postal-mime's own guard). */
  maxHeaderBytes: 256 * 1024,
  maxNestingDepth: 16,
  maxParts: 500,
} as const;

const NL = 0x0a;
const DASH = 0x2d;

/**
 * Refuses a message before the MIME parser sees it when its size, top header block or part count is
 * out of bounds. One linear scan, no allocation: a MIME bomb costs a pass over its bytes, no more.
 */
export function guardMime(bytes: Uint8Array, maxBytes: number = EMAIL_LIMITS.maxBytes): void {
  if (bytes.byteLength > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `email is ${bytes.byteLength} bytes, over the ${maxBytes}-byte limit`);
  }
  let headerEnd = -1;
  let boundaries = 0;
  // indexOf walks the bytes natively; JS only sees the line starts.
  for (let i = bytes.indexOf(NL); i >= 0; i = bytes.indexOf(NL, i + 1)) {
    if (headerEnd < 0 && (bytes[i + 1] === NL || (bytes[i + 1] === 0x0d && bytes[i + 2] === NL))) headerEnd = i;
    // A line starting with "--" opens or closes a MIME part.
    if (bytes[i + 1] === DASH && bytes[i + 2] === DASH && ++boundaries > EMAIL_LIMITS.maxParts * 2) {
      throw new BadRequestError(`email refused: more than ${EMAIL_LIMITS.maxParts} MIME parts`);
    }
  }
  const headerBytes = headerEnd < 0 ? bytes.length : headerEnd;
  if (headerBytes > EMAIL_LIMITS.maxHeaderBytes) {
    throw new BadRequestError(`email refused: header block of ${headerBytes} bytes is over ${EMAIL_LIMITS.maxHeaderBytes}`);
  }
}
