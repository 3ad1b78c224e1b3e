import { z } from 'zod';
import { AlertAction } from '../alerts/alert-action.js';
import { AlertRule } from '../alerts/alert-rule.js';
import { Tier } from '../customers/tier.js';

/** What an endpoint's POST body looks like. */
export enum WebhookFormat {
  /** CX Pulse's own JSON event, for systems that parse it. */
  JSON = 'json',
  /** A Slack incoming-webhook message (text and Block Kit blocks). */
  SLACK = 'slack',
  /** A Microsoft Teams incoming-webhook message holding an Adaptive Card. */
  TEAMS = 'teams',
}

const MIN_SECRET_LENGTH = 16;

const secret = z.string().min(MIN_SECRET_LENGTH, {
  message: `expected a secret of at least ${MIN_SECRET_LENGTH} characters`,
});

const endpointSchema = (env: Record<string, string | undefined>) =>
  z
    .strictObject({
      name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
        message: 'expected a name of 1-64 letters, digits, ".", "_" or "-"',
      }),
      url: z.url({ protocol: /^https?$/, message: 'expected an http:// or https:// URL' }),
      secret: secret.optional(),
      /** Reads the secret from this environment variable, so the file itself holds none. */
      secretEnv: z.string().min(1).optional(),
      format: z.enum(WebhookFormat).default(WebhookFormat.JSON),
      /** Customer names and e-mails and the text of notes are sent only when the endpoint opts in. */
      includePersonalData: z.boolean().default(false),
      /** Only these changes; all when absent. */
      actions: z.array(z.enum(AlertAction)).min(1).optional(),
      /** Only alerts of these rules; all when absent. */
      rules: z.array(z.enum(AlertRule)).min(1).optional(),
      /** Only alerts of customers of this tier or above (VIP above STANDARD). */
      minimumTier: z.enum(Tier).default(Tier.STANDARD),
      enabled: z.boolean().default(true),
    })
    .transform(({ secret: given, secretEnv, ...endpoint }, ctx) => {
      if ((given === undefined) === (secretEnv === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'expected exactly one of secret and secretEnv' });
        return z.NEVER;
      }
      const value = given ?? env[secretEnv!];
      const parsed = secret.safeParse(value);
      if (!parsed.success) {
        const problem = value === undefined ? 'is not set' : parsed.error.issues[0]!.message;
        ctx.addIssue({ code: 'custom', path: ['secretEnv'], message: `${secretEnv}: ${problem}` });
        return z.NEVER;
      }
      return { ...endpoint, secret: parsed.data };
    });

/**
 * The webhook endpoints (CX_WEBHOOKS, a JSON file): where alerts and their changes are POSTed, in which
 * format, signed with which secret, and which of them each endpoint wants.
 */
export const webhooksSchema = (env: Record<string, string | undefined>) =>
  z.strictObject({
    /** Base URL of the dashboard, for the links of Slack and Teams messages. */
    dashboardUrl: z.url({ protocol: /^https?$/, message: 'expected an http:// or https:// URL' }).optional(),
    endpoints: z
      .array(endpointSchema(env))
      .refine((endpoints) => new Set(endpoints.map(({ name }) => name)).size === endpoints.length, {
        message: 'expected endpoint names to be unique',
      }),
  });

export type WebhooksConfig = z.output<ReturnType<typeof webhooksSchema>>;
export type WebhookEndpointConfig = WebhooksConfig['endpoints'][number];

export const NO_WEBHOOKS: WebhooksConfig = { endpoints: [] };
