import { createHmac } from 'node:crypto';

/**
 * The X-CX-Signature header of a body sent at `timestamp` (unix seconds): HMAC-SHA256 with the endpoint's
 * secret over `${timestamp}.${body}`, so a receiver can check both who sent it and that it is fresh.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}
