import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from './role.js';

export enum ViewerKind {
  API_KEY = 'API_KEY',
  USER = 'USER',
}

registerEnumType(ViewerKind, {
  name: 'ViewerKind',
  description: 'What kind of credential a request was made with.',
  valuesConfig: {
    API_KEY: { description: 'An API key (token prefix cxk_), used by machines.' },
    USER: { description: 'A dashboard user logged in with a session (token prefix cxs_).' },
  },
});

/** Who makes a request: set on the GraphQL context of every authenticated request. */
@ObjectType({ description: 'The credential a request is made with, and what it may do.' })
export class Viewer {
  @Field(() => ViewerKind, { description: 'API key or logged-in user.' })
  kind!: ViewerKind;

  /** Internal id of the API key or user; audit trails pair it with the kind. */
  id!: number;

  @Field(() => String, { description: 'The label of the API key, or the name of the user.' })
  name!: string;

  @Field(() => Role, { description: 'What the credential may read and write.' })
  role!: Role;
}
