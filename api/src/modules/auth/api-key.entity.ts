import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Role } from './role.js';

/**
 * A machine credential. Only the SHA-256 of the token is stored: the token is 256 random bits, so unlike
 * a password it cannot be guessed or found in a dictionary, and a fast hash is as safe as a slow KDF
 * while keeping the lookup of every request a single indexed equality.
 */
@ObjectType({
  description:
    'An API key for a machine (a BI tool, a contact-center system). The token itself is never stored.',
})
@Entity({ tableName: 'api_keys' })
export class ApiKey {
  @Field(() => Int, { description: 'Internal id, used to revoke the key.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'Label given at creation, e.g. the system that uses the key.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Role, { description: 'What the key may read and write.' })
  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  /** Hex SHA-256 of the whole token: what a request's token is looked up by. */
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Field(() => String, {
    description: 'The first characters of the token, to recognise a key without revealing it.',
  })
  @Property({ type: 'text' })
  tokenStart!: string;

  @Field(() => DateTimeScalar, { description: 'When the key was created (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the key was revoked (UTC); null while it works.',
  })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
