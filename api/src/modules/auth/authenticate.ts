import type { EntityManager } from '@mikro-orm/knex';
import { ApiKeyService } from './api-key.service.js';
import { SessionService } from './session.service.js';
import { API_KEY_PREFIX, SESSION_PREFIX } from './token.js';
import { ViewerKind, type Viewer } from './viewer.js';

/** Longest token accepted; ours are 47 characters, anything far longer is not worth hashing. */
const MAX_TOKEN_LENGTH = 100;

/** Who a bearer token belongs to: a live API key or session; null for anything else. */
export async function authenticate(em: EntityManager, token: string): Promise<Viewer | null> {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  if (token.startsWith(API_KEY_PREFIX)) {
    const apiKey = await new ApiKeyService(em).findByToken(token);
    return apiKey && { kind: ViewerKind.API_KEY, id: apiKey.id, name: apiKey.name, role: apiKey.role };
  }
  if (token.startsWith(SESSION_PREFIX)) {
    const session = await new SessionService(em).findByToken(token);
    const user = session?.user;
    return user ? { kind: ViewerKind.USER, id: user.id, name: user.name, role: user.role } : null;
  }
  return null;
}
