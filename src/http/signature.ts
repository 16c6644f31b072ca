import { createPublicKey, verify, type KeyObject } from "node:crypto";

/** The DER header that turns Discord's raw 32-byte Ed25519 public key into an SPKI key Node can read. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const HEX_KEY = /^[0-9a-f]{64}$/i;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;
const TIMESTAMP = /^\d{1,20}$/;

/** Whether a string is an application public key as the Developer Portal shows it (64 hex characters). */
export function isPublicKeyHex(hex: string): boolean {
  return HEX_KEY.test(hex);
}

/** The application's public key (64 hex characters, from the Developer Portal) as a key Node verifies with. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!isPublicKeyHex(hex)) throw new Error("a Discord public key is 64 hexadecimal characters");
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]), format: "der", type: "spki" });
}

/**
 * Whether Discord signed this request: `X-Signature-Ed25519` (hex) over `X-Signature-Timestamp` followed by
 * the raw body, checked before anything of the body is parsed. Missing or malformed headers are simply false.
 */
export function isSignedByDiscord(publicKey: KeyObject, signature: string | undefined, timestamp: string | undefined, rawBody: Buffer): boolean {
  if (!signature || !timestamp || !HEX_SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, "utf8"), rawBody]), publicKey, Buffer.from(signature, "hex"));
  } catch {
    return false;
  }
}
