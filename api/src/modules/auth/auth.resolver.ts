import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyService } from './api-key.service.js';
import { asUserInput } from './credential-input-error.js';
import { CreateUserInput } from './dto/create-user.input.js';
import { CreatedApiKey } from './dto/created-api-key.type.js';
import { allowedRootFields } from './access-policy.js';
import { Role } from './role.js';
import { User } from './user.entity.js';
import { UserService } from './user.service.js';
import { Viewer } from './viewer.js';

/** Who is asking, and (for admins) the management of API keys and users. Roles are checked by the access policy. */
@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { description: 'The credential this request is made with: its name, kind and role.' })
  viewer(@Ctx() { viewer }: GraphQLContext): Viewer {
    return viewer;
  }

  @Query(() => [ApiKey], { description: 'Every API key, revoked ones included, oldest first.' })
  apiKeys(@Ctx() { em }: GraphQLContext): Promise<ApiKey[]> {
    return new ApiKeyService(em).list();
  }

  @Mutation(() => CreatedApiKey, {
    description: 'Creates an API key; its token is in the answer and nowhere else.',
  })
  createApiKey(
    @Arg('name', () => String, { description: 'A label: who or what uses the key.' }) name: string,
    @Arg('role', () => Role, { description: 'What the key may read and write.' }) role: Role,
    @Ctx() { em }: GraphQLContext,
  ): Promise<CreatedApiKey> {
    return asUserInput(() => new ApiKeyService(em).create(name, role));
  }

  @Mutation(() => ApiKey, {
    nullable: true,
    description:
      'Revokes an API key: refused from the next request on by the API process that revokes it, and within a second by any other; null when no key has this id.',
  })
  revokeApiKey(
    @Arg('id', () => Int, { description: 'The id of the key, as listed by apiKeys.' }) id: number,
    @Ctx() { em }: GraphQLContext,
  ): Promise<ApiKey | null> {
    return new ApiKeyService(em).revoke(id);
  }

  @Query(() => [User], { description: 'Every dashboard user, oldest first.' })
  users(@Ctx() { em }: GraphQLContext): Promise<User[]> {
    return new UserService(em).list();
  }

  @Mutation(() => User, { description: 'Creates a dashboard user, who can then log in at POST /auth/login.' })
  createUser(
    @Arg('input', () => CreateUserInput, { description: 'The new user.' }) input: CreateUserInput,
    @Ctx() { em }: GraphQLContext,
  ): Promise<User> {
    return asUserInput(() => new UserService(em).create(input));
  }

  @Mutation(() => User, {
    nullable: true,
    description:
      'Disables a user and ends their sessions: refused from the next request on by the API process that disables them, and within a second by any other; null when no user has this e-mail.',
  })
  disableUser(
    @Arg('email', () => String, { description: 'The login e-mail of the user.' }) email: string,
    @Ctx() { em }: GraphQLContext,
  ): Promise<User | null> {
    return new UserService(em).disable(email);
  }
}

/** What the credential may do, for clients that show only the actions a role can take. */
@Resolver(() => Viewer)
export class ViewerResolver {
  @FieldResolver(() => [String], {
    description:
      'The mutations this credential may run, by field name (e.g. acknowledgeAlert): a client shows only the ' +
      'actions in this list.',
  })
  mutations(@Root() viewer: Viewer): string[] {
    return allowedRootFields(viewer.role, 'Mutation');
  }
}
