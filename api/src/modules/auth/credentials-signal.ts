import { EventEmitter } from 'node:events';

const signal = new EventEmitter();
const CHANGED = 'changed';

/**
 * Tells this process's API servers that a credential was just revoked, disabled or ended, so that they
 * drop the credentials they keep for a moment (authentication.hook.ts) and refuse it from the next
 * request on. Other processes learn of it when what they keep expires.
 */
export function credentialsChanged(): void {
  signal.emit(CHANGED);
}

/** Calls `listener` after each local change of credentials; returns the unsubscribe. */
export function onCredentialsChanged(listener: () => void): () => void {
  signal.on(CHANGED, listener);
  return () => signal.off(CHANGED, listener);
}
