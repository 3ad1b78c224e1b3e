import { Entity, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { User } from './user.entity.js';

/**
 * A dashboard login. Like API keys, only the SHA-256 of the 256-bit random token is stored, so a copy of
 * the database does not let anyone act as a logged-in user.
 */
@Entity({ tableName: 'sessions' })
export class Session {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  /** Sessions end here at the latest; expired rows are deleted at the next login. */
  @Index()
  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
