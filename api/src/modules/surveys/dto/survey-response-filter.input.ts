import { Field, InputType } from 'type-graphql';
import { FactFilter } from '../../../graphql/filters.js';
import { Channel } from '../../contacts/channel.js';
import { SurveyType } from '../survey-type.js';

@InputType({
  description:
    'Which survey responses to return. Unset fields do not filter; every field that is set must match.',
})
export class SurveyResponseFilter extends FactFilter('respondedAt') {
  @Field(() => [SurveyType], {
    nullable: true,
    description: 'Only responses to these kinds of question; an empty list matches none.',
  })
  types?: SurveyType[] | null;

  @Field(() => [Channel], {
    nullable: true,
    description:
      'Only responses about these channels (responses without a channel never match); an empty list matches none.',
  })
  channels?: Channel[] | null;
}
