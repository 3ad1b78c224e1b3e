import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import {
  alertRulesSchema,
  DEFAULT_ALERT_RULES,
  type AlertRulesConfig,
} from './modules/alerts/alert-rules.config.js';
import { NO_WEBHOOKS, webhooksSchema, type WebhooksConfig } from './modules/webhooks/webhooks.config.js';

/** The repository root: relative paths in configuration are resolved against it, not the process cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type DatabaseConfig =
  | {
      dialect: 'sqlite';
      path: string;
      url: string;
      /** CX_SQLITE_BUSY_WAIT_MS: how long a write waits for another process's write lock (default 5 s). */
      busyWaitMs?: number;
    }
  | {
      dialect: 'postgresql';
      url: string;
      /** Streaming replicas that GraphQL queries and exports may read from (CX_DATABASE_REPLICA_URLS). */
      replicaUrls?: string[];
    };

/** An in-memory SQLite database: it exists on one connection only, so nothing else may open it. */
export const isInMemory = (database: DatabaseConfig): boolean =>
  database.dialect === 'sqlite' && database.path === ':memory:';

/** The database without its read replicas, for a connection that reads only what it writes. */
export const withoutReplicas = (database: DatabaseConfig): DatabaseConfig =>
  database.dialect === 'postgresql' ? { dialect: 'postgresql', url: database.url } : database;

/** Where GraphQL query results are cached: not at all, in each process's memory, or in the shared Redis. */
export type ResultCacheMode = 'off' | 'memory' | 'redis';

export interface AppConfig {
  database: DatabaseConfig;
  apiPort: number;
  /** Interface the API listens on; loopback by default so a demo is not exposed on the network. */
  apiHost: string;
  /** Whether roles allowed by the access policy may introspect the schema (never anonymous requests). */
  introspection: boolean;
  /** Redis shared by several API processes (rate limits, result cache); undefined keeps them in each process. */
  redisUrl: string | undefined;
  /** CX_RESULT_CACHE: where answers of the pure read aggregates are kept between imports. */
  resultCache: ResultCacheMode;
  /** Largest size of the in-memory result cache, in bytes of JSON. */
  resultCacheMaxBytes: number;
  /** Requests one API key or user (or one address, before logging in) may make per minute. */
  rateLimitPerMinute: number;
  /** Behind a reverse proxy: trust its X-Forwarded-For/-Proto (client address for limits, HTTPS for cookies). */
  trustProxy: boolean;
  /** Where `pnpm start` keeps the demo admin's login (absolute). */
  demoLoginFile: string;
  /** Where alerts and their changes are POSTed (CX_WEBHOOKS); no endpoints when unset. */
  webhooks: WebhooksConfig;
  /**
   * CX_TEXT_MIN_CUSTOMERS: the fewest distinct customers a word or phrase of free text must come from
   * before text analytics (recurringCauses) report it, so that no window or segment isolates one person.
   */
  textMinCustomers: number;
  /** CX_MAX_RESPONSE_MB: the largest GraphQL answer sent, in bytes of JSON; a larger one is refused. */
  maxResponseBytes: number;
  /** How long a client may take to send a request, and to stay silent (slow-client protection). */
  httpTimeouts: HttpTimeouts;
  /**
   * CX_CLIENT_ADDRESS_SECRET: shared with the dashboard, whose server then passes on the browser's
   * address (for sign-in limits and rate limits); undefined trusts no forwarded address.
   */
  clientAddressSecret: string | undefined;
  /** How clients present numbers: what the measure catalogue tells them (measureCatalogue). */
  display: DisplayConfig;
}

/** Bounds on slow clients, in milliseconds (docs/security.md has the reasoning). */
export interface HttpTimeouts {
  /** CX_HTTP_HEADERS_TIMEOUT_MS: to send the request line and headers (slowloris). */
  headersMs: number;
  /** CX_HTTP_REQUEST_TIMEOUT_MS: to send the whole request, body included (16 MiB at 300 KB/s). */
  requestMs: number;
  /** CX_HTTP_IDLE_TIMEOUT_MS: a connection with no bytes either way for this long is closed. */
  idleMs: number;
}

export interface DisplayConfig {
  /** CX_MIN_SAMPLE: below this many rows a value is flagged as resting on too few (default 30). */
  minimumSample: number;
  /** CX_CURRENCY: ISO 4217 code of the money imported (lifetime value, recompense), e.g. USD. */
  currency: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const POSTGRES_URL = /^postgres(ql)?:\/\/[^/]+\/[^/?]+/;

const databaseUrl = z.string().transform((url, ctx): DatabaseConfig => {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') ctx.addIssue({ code: 'custom', message: 'sqlite: needs a file path' });
    const absolute = path === ':memory:' || isAbsolute(path) ? path : resolve(REPO_ROOT, path);
    return { dialect: 'sqlite', path: absolute, url };
  }
  if (POSTGRES_URL.test(url)) return { dialect: 'postgresql', url };
  ctx.addIssue({ code: 'custom', message: 'expected sqlite:PATH or postgres://user@host:port/db' });
  return z.NEVER;
});

const replicaUrls = z.string().transform((list, ctx): string[] => {
  const urls = list
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  const bad = urls.find((url) => !POSTGRES_URL.test(url));
  if (bad === undefined) return urls;
  ctx.addIssue({
    code: 'custom',
    message: `expected comma-separated postgres://user@host:port/db URLs ("${bad}" is not one)`,
  });
  return z.NEVER;
});

const port = z.coerce
  .number({ message: 'expected a port number 1-65535' })
  .int({ message: 'expected a port number 1-65535' })
  .min(1, { message: 'expected a port number 1-65535' })
  .max(65535, { message: 'expected a port number 1-65535' });

/** A JSON file parsed by `schema`; empty means `whenUnset`. A problem names the file's key. */
function jsonFile<T>(schema: z.ZodType<T>, whenUnset: T) {
  return z.string().transform((path, ctx): T => {
    if (path === '') return whenUnset;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(resolve(REPO_ROOT, path), 'utf8'));
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `cannot read a JSON file there (${(error as Error).message})`,
      });
      return z.NEVER;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const [issue] = parsed.error.issues;
    ctx.addIssue({ code: 'custom', message: `${issue!.path.join('.') || 'file'}: ${issue!.message}` });
    return z.NEVER;
  });
}

const flag = z
  .enum(['true', 'false'], { message: 'expected true or false' })
  .transform((value) => value === 'true');

const redisUrl = z
  .string()
  .regex(/^(rediss?:\/\/.+)?$/, { message: 'expected redis://host:port or rediss://host:port' })
  .transform((url) => url || undefined);

const milliseconds = z.coerce
  .number({ message: 'expected a whole number of milliseconds of at least 100' })
  .int({ message: 'expected a whole number of milliseconds of at least 100' })
  .min(100, { message: 'expected a whole number of milliseconds of at least 100' });

/** The variables, with their schemas; a file may name further variables of `env` (webhook secrets). */
const variablesOf = (env: Record<string, string | undefined>) => ({
  CX_DATABASE_URL: { schema: databaseUrl, fallback: 'sqlite:data/cx.sqlite' },
  CX_API_PORT: { schema: port, fallback: '4000' },
  CX_API_HOST: { schema: z.string().min(1), fallback: '127.0.0.1' },
  CX_ALERT_RULES: { schema: jsonFile(alertRulesSchema, DEFAULT_ALERT_RULES), fallback: '' },
  CX_WEBHOOKS: { schema: jsonFile(webhooksSchema(env), NO_WEBHOOKS), fallback: '' },
  CX_GRAPHQL_INTROSPECTION: { schema: flag, fallback: 'true' },
  CX_DATABASE_REPLICA_URLS: { schema: replicaUrls, fallback: '' },
  CX_REDIS_URL: { schema: redisUrl, fallback: '' },
  CX_RESULT_CACHE: {
    // Empty: redis when CX_REDIS_URL is set (several processes share answers), else memory.
    schema: z
      .enum(['', 'off', 'memory', 'redis'], { message: 'expected off, memory or redis' })
      .transform((mode) => (mode === '' ? undefined : mode)),
    fallback: '',
  },
  CX_RESULT_CACHE_MAX_MB: {
    schema: z.coerce
      .number({ message: 'expected a number of megabytes above 0' })
      .positive({ message: 'expected a number of megabytes above 0' }),
    fallback: '64',
  },
  CX_RATE_LIMIT_PER_MINUTE: {
    schema: z.coerce
      .number({ message: 'expected a whole number of at least 1' })
      .int({ message: 'expected a whole number of at least 1' })
      .min(1, { message: 'expected a whole number of at least 1' }),
    fallback: '600',
  },
  CX_TRUST_PROXY: { schema: flag, fallback: 'false' },
  CX_TEXT_MIN_CUSTOMERS: {
    schema: z.coerce
      .number({ message: 'expected a whole number of at least 1' })
      .int({ message: 'expected a whole number of at least 1' })
      .min(1, { message: 'expected a whole number of at least 1' }),
    fallback: '5',
  },
  CX_MAX_RESPONSE_MB: {
    schema: z.coerce
      .number({ message: 'expected a number of megabytes above 0' })
      .positive({ message: 'expected a number of megabytes above 0' }),
    fallback: '8',
  },
  CX_HTTP_HEADERS_TIMEOUT_MS: { schema: milliseconds, fallback: '10000' },
  CX_SQLITE_BUSY_WAIT_MS: { schema: milliseconds, fallback: '5000' },
  CX_HTTP_REQUEST_TIMEOUT_MS: { schema: milliseconds, fallback: '60000' },
  CX_HTTP_IDLE_TIMEOUT_MS: { schema: milliseconds, fallback: '120000' },
  CX_CLIENT_ADDRESS_SECRET: {
    schema: z
      .string()
      .refine((secret) => secret === '' || secret.length >= 16, {
        message: 'expected a secret of at least 16 characters',
      })
      .transform((secret) => secret || undefined),
    fallback: '',
  },
  CX_MIN_SAMPLE: {
    schema: z.coerce
      .number({ message: 'expected a whole number of at least 1' })
      .int({ message: 'expected a whole number of at least 1' })
      .min(1, { message: 'expected a whole number of at least 1' }),
    fallback: '30',
  },
  CX_CURRENCY: {
    schema: z.string().regex(/^[A-Z]{3}$/, { message: 'expected a three-letter ISO 4217 code such as USD' }),
    fallback: 'USD',
  },
  CX_DEMO_LOGIN_FILE: {
    schema: z.string().transform((path) => resolve(REPO_ROOT, path)),
    fallback: 'data/demo-login.json',
  },
});

type Variables = ReturnType<typeof variablesOf>;

/** One variable, parsed; an invalid value fails with one line naming it. */
function readVariable<K extends keyof Variables>(
  env: Record<string, string | undefined>,
  name: K,
): z.output<Variables[K]['schema']> {
  const variable = variablesOf(env)[name];
  const raw = env[name] || variable.fallback;
  const parsed = variable.schema.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? 'invalid value';
    throw new ConfigError(`${name}: ${reason}, got "${raw}"`);
  }
  return parsed.data as z.output<Variables[K]['schema']>;
}

/**
 * The one typed entry point for configuration. Tests and commands pass overrides instead of mutating
 * process.env; an invalid value fails with one line naming the variable.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  // Imports read the alert rules afresh (loadAlertRules); reading them here refuses a bad file at start-up.
  loadAlertRules(env);
  const redisUrl = readVariable(env, 'CX_REDIS_URL');
  const resultCache = readVariable(env, 'CX_RESULT_CACHE') ?? (redisUrl ? 'redis' : 'memory');
  if (resultCache === 'redis' && !redisUrl) {
    throw new ConfigError('CX_RESULT_CACHE: redis needs CX_REDIS_URL, which is not set');
  }
  const database = withReplicas(
    readVariable(env, 'CX_DATABASE_URL'),
    readVariable(env, 'CX_DATABASE_REPLICA_URLS'),
  );
  return {
    database:
      database.dialect === 'sqlite'
        ? { ...database, busyWaitMs: readVariable(env, 'CX_SQLITE_BUSY_WAIT_MS') }
        : database,
    apiPort: readVariable(env, 'CX_API_PORT'),
    apiHost: readVariable(env, 'CX_API_HOST'),
    introspection: readVariable(env, 'CX_GRAPHQL_INTROSPECTION'),
    redisUrl,
    resultCache,
    resultCacheMaxBytes: Math.round(readVariable(env, 'CX_RESULT_CACHE_MAX_MB') * 1024 * 1024),
    rateLimitPerMinute: readVariable(env, 'CX_RATE_LIMIT_PER_MINUTE'),
    trustProxy: readVariable(env, 'CX_TRUST_PROXY'),
    demoLoginFile: readVariable(env, 'CX_DEMO_LOGIN_FILE'),
    webhooks: readVariable(env, 'CX_WEBHOOKS'),
    textMinCustomers: readVariable(env, 'CX_TEXT_MIN_CUSTOMERS'),
    maxResponseBytes: Math.round(readVariable(env, 'CX_MAX_RESPONSE_MB') * 1024 * 1024),
    httpTimeouts: {
      headersMs: readVariable(env, 'CX_HTTP_HEADERS_TIMEOUT_MS'),
      requestMs: readVariable(env, 'CX_HTTP_REQUEST_TIMEOUT_MS'),
      idleMs: readVariable(env, 'CX_HTTP_IDLE_TIMEOUT_MS'),
    },
    clientAddressSecret: readVariable(env, 'CX_CLIENT_ADDRESS_SECRET'),
    display: {
      minimumSample: readVariable(env, 'CX_MIN_SAMPLE'),
      currency: readVariable(env, 'CX_CURRENCY'),
    },
    ...overrides,
  };
}

/** The database with its read replicas, which only PostgreSQL has. */
function withReplicas(database: DatabaseConfig, replicaUrls: string[]): DatabaseConfig {
  if (replicaUrls.length === 0) return database;
  if (database.dialect === 'sqlite') {
    throw new ConfigError(
      'CX_DATABASE_REPLICA_URLS: read replicas need PostgreSQL, but CX_DATABASE_URL is a SQLite file',
    );
  }
  return { ...database, replicaUrls };
}

/**
 * The alert rules (CX_ALERT_RULES, else the defaults), for the import follow-ups, which run wherever
 * rows are imported (CLI, API, seed) without an AppConfig at hand. Read per import: a small file, and
 * an edit takes effect without a restart.
 */
export function loadAlertRules(env: Record<string, string | undefined> = process.env): AlertRulesConfig {
  return readVariable(env, 'CX_ALERT_RULES');
}

/** A port given on the command line, where 0 asks the system for a free one. */
export function parsePort(value: string, name = '--port'): number {
  if (value === '0') return 0;
  const parsed = port.safeParse(value);
  if (!parsed.success) throw new ConfigError(`${name}: ${parsed.error.issues[0]?.message}, got "${value}"`);
  return parsed.data;
}
