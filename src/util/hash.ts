import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Short content hash of a text unit: whitespace-insensitive, 16 hex digits. */
export function unitHash(text: string): string {
  return sha256(text.replace(/\s+/g, ' ').trim()).slice(0, 16);
}
