import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Role } from './role.js';

/** A person who logs in to the dashboard. */
@ObjectType({ description: 'A dashboard user, who logs in with e-mail and password.' })
@Entity({ tableName: 'users' })
export class User {
  @Field(() => Int, { description: 'Internal id.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'Login e-mail address, stored lower-case.' })
  @Property({ type: 'text', unique: true })
  email!: string;

  @Field(() => String, { description: 'Display name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Role, { description: 'What the user may read and write.' })
  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  /** Argon2id PHC string (salt and parameters included). */
  @Property({ type: 'text' })
  passwordHash!: string;

  @Field(() => DateTimeScalar, { description: 'When the user was created (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the user was disabled (UTC); null while they may log in.',
  })
  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;
}
