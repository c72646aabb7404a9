/**
 * Base64 helpers that run unchanged in the browser and in Node (jest), without `Buffer`.
 * `btoa`/`atob` are globals in both (Node ≥ 16).
 */

const CHUNK = 0x8000;

/** Standard base64 of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  }
  return btoa(binary);
}

/** Bytes of standard base64. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}

/** base64url (RFC 4648 §5, no padding) of a string's UTF-8 bytes: an opaque, URL-safe id. */
export function base64UrlOfText(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
