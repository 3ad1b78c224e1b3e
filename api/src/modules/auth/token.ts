import { createHash, randomBytes } from 'node:crypto';

/** Prefixes tell the two kinds of bearer token apart at a glance, in logs and in secret scanners. */
export const API_KEY_PREFIX = 'cxk_';
export const SESSION_PREFIX = 'cxs_';

/** A new token: the prefix and 256 random bits, base64url. */
export function generateToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What is stored of a token (hex SHA-256). High-entropy tokens need no salt or slow KDF, see ApiKey. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A generated password: 144 random bits as 24 URL-safe characters, meant for a password manager. */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}
