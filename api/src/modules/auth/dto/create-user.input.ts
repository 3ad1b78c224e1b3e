import { Field, InputType } from 'type-graphql';
import { Role } from '../role.js';
import { MIN_PASSWORD_LENGTH } from '../user.service.js';

@InputType({ description: 'A new dashboard user.' })
export class CreateUserInput {
  @Field(() => String, { description: 'Login e-mail address (case does not matter).' })
  email!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => Role, { description: 'What the user may read and write.' })
  role!: Role;

  @Field(() => String, { description: `Initial password, at least ${MIN_PASSWORD_LENGTH} characters.` })
  password!: string;
}
