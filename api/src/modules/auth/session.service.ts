import type { EntityManager } from '@mikro-orm/knex';
import { HOUR_MS } from '../../core/time.js';
import { Session } from './session.entity.js';
import { SESSION_PREFIX, generateToken, hashToken } from './token.js';
import type { User } from './user.entity.js';
import { UserService } from './user.service.js';
import { credentialsChanged } from './credentials-signal.js';

/** A working day and then some; the dashboard logs in again after that. */
export const SESSION_HOURS = 12;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

export class SessionService {
  constructor(private readonly em: EntityManager) {}

  /** A new session for the user with this e-mail and password, or null when they do not match. */
  async login(email: string, password: string): Promise<LoginResult | null> {
    const user = await new UserService(this.em).verifyLogin(email, password);
    if (!user) return null;
    const now = new Date();
    // Logins are rare enough to carry the clean-up of expired sessions.
    await this.em.nativeDelete(Session, { expiresAt: { $lte: now } });
    const token = generateToken(SESSION_PREFIX);
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * HOUR_MS);
    this.em.create(Session, { user, tokenHash: hashToken(token), createdAt: now, expiresAt });
    await this.em.flush();
    return { token, expiresAt, user };
  }

  /** Ends the session of this token (an unknown token: nothing to do). */
  async logout(token: string): Promise<void> {
    await this.em.nativeDelete(Session, { tokenHash: hashToken(token) });
    credentialsChanged();
  }

  /** The live session of a token with its enabled user, or null. */
  findByToken(token: string): Promise<Session | null> {
    return this.em.findOne(
      Session,
      { tokenHash: hashToken(token), expiresAt: { $gt: new Date() }, user: { disabledAt: null } },
      { populate: ['user'] },
    );
  }
}
