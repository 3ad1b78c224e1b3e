import { hash, verify } from '@node-rs/argon2';
import type { EntityManager } from '@mikro-orm/knex';
import { CredentialInputError } from './credential-input-error.js';
import type { Role } from './role.js';
import { User } from './user.entity.js';
import { credentialsChanged } from './credentials-signal.js';

/** NIST SP 800-63B asks for at least 8; a dashboard over personal data deserves more. */
export const MIN_PASSWORD_LENGTH = 12;
/** Argon2 hashes any length, but a megabyte password is only a way to burn CPU. */
const MAX_PASSWORD_LENGTH = 256;

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export class UserService {
  constructor(private readonly em: EntityManager) {}

  /** Creates a user with an Argon2id hash of the password (the library's defaults follow OWASP's advice). */
  async create(user: NewUser): Promise<User> {
    const email = normalizeEmail(user.email);
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 320) {
      throw new CredentialInputError('email', `got "${user.email}", expected an e-mail address`);
    }
    if (await this.em.count(User, { email })) {
      throw new CredentialInputError('email', `a user with the e-mail ${email} exists already`);
    }
    const name = user.name.trim();
    if (name === '' || name.length > 200) {
      throw new CredentialInputError('name', `got "${user.name}", expected 1 to 200 characters`);
    }
    const created = this.em.create(User, {
      email,
      name,
      role: user.role,
      passwordHash: await hashPassword(user.password),
    });
    await this.em.flush();
    return created;
  }

  /** Every user, oldest first. */
  list(): Promise<User[]> {
    return this.em.find(User, {}, { orderBy: { id: 'asc' } });
  }

  /** Disables a user and ends their sessions; null when no user has this e-mail. */
  async disable(email: string): Promise<User | null> {
    const user = await this.em.findOne(User, { email: normalizeEmail(email) });
    if (!user) return null;
    user.disabledAt ??= new Date();
    await this.em.flush();
    credentialsChanged();
    return user;
  }

  /** The enabled user with this e-mail and password, or null (taking as long when the e-mail is unknown). */
  async verifyLogin(email: string, password: string): Promise<User | null> {
    const user = await this.em.findOne(User, { email: normalizeEmail(email), disabledAt: null });
    if (password.length > MAX_PASSWORD_LENGTH) return null;
    // Verifying against a stand-in hash keeps unknown e-mails as slow as wrong passwords: no user enumeration.
    const matches = await verify(user?.passwordHash ?? (await standInHash()), password);
    return user && matches ? user : null;
  }
}

async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new CredentialInputError(
      'password',
      `expected ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, got ${password.length}`,
    );
  }
  return hash(password);
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

let standIn: Promise<string> | undefined;
function standInHash(): Promise<string> {
  standIn ??= hash('no user has this password');
  return standIn;
}
