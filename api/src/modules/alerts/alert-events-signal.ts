import { EventEmitter } from 'node:events';

const signal = new EventEmitter();
const COMMITTED = 'committed';

/**
 * Tells the webhook dispatchers of this process that alert events were just committed, so they queue
 * and send them now rather than at their next poll. Only a hint: dispatchers poll anyway, and those of
 * other processes learn of the events that way.
 */
export function alertEventsCommitted(): void {
  signal.emit(COMMITTED);
}

/**
 * Calls alertEventsCommitted when `trx` ends. An import cannot tell its commit from its rollback here,
 * and need not: a needless hint costs a dispatcher one early poll.
 */
export function signalWhenFinished(trx: { executionPromise: Promise<unknown> }): void {
  trx.executionPromise.then(alertEventsCommitted, () => {});
}

/** Calls `listener` after each local commit of alert events; returns the unsubscribe. */
export function onAlertEventsCommitted(listener: () => void): () => void {
  signal.on(COMMITTED, listener);
  return () => signal.off(COMMITTED, listener);
}
