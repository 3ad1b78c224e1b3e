import { Field, ObjectType } from 'type-graphql';
import { ApiKey } from '../api-key.entity.js';

@ObjectType({ description: 'A new API key and its token, which is shown this once and never stored.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key as listed by apiKeys.' })
  apiKey!: ApiKey;

  @Field(() => String, { description: 'The bearer token (cxk_…). Keep it secret; it cannot be shown again.' })
  token!: string;
}
