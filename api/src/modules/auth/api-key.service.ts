import type { EntityManager } from '@mikro-orm/knex';
import { ApiKey } from './api-key.entity.js';
import { CredentialInputError } from './credential-input-error.js';
import { credentialsChanged } from './credentials-signal.js';
import type { Role } from './role.js';
import { API_KEY_PREFIX, generateToken, hashToken } from './token.js';

/** Characters of a token kept in clear to recognise a key in listings: the prefix and 4 random ones. */
const VISIBLE_TOKEN_CHARS = API_KEY_PREFIX.length + 4;

export class ApiKeyService {
  constructor(private readonly em: EntityManager) {}

  /** Creates a key; the token is returned this once and only its hash is stored. */
  async create(name: string, role: Role): Promise<{ apiKey: ApiKey; token: string }> {
    const token = generateToken(API_KEY_PREFIX);
    const apiKey = this.em.create(ApiKey, {
      name: requireLabel(name),
      role,
      tokenHash: hashToken(token),
      tokenStart: token.slice(0, VISIBLE_TOKEN_CHARS),
    });
    await this.em.flush();
    return { apiKey, token };
  }

  /** Revokes the key with this id (again: no change); null when there is none. */
  async revoke(id: number): Promise<ApiKey | null> {
    const apiKey = await this.em.findOne(ApiKey, { id });
    if (apiKey && !apiKey.revokedAt) {
      apiKey.revokedAt = new Date();
      await this.em.flush();
      credentialsChanged();
    }
    return apiKey;
  }

  /** Every key, revoked ones included, oldest first. */
  list(): Promise<ApiKey[]> {
    return this.em.find(ApiKey, {}, { orderBy: { id: 'asc' } });
  }

  /** The live key a token belongs to, or null. */
  findByToken(token: string): Promise<ApiKey | null> {
    return this.em.findOne(ApiKey, { tokenHash: hashToken(token), revokedAt: null });
  }
}

function requireLabel(name: string): string {
  const label = name.trim();
  if (label === '' || label.length > 200) {
    throw new CredentialInputError('name', `got "${name}", expected a label of 1 to 200 characters`);
  }
  return label;
}
