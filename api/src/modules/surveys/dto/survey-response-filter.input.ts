import { Field, InputType, Int } from 'type-graphql';
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

  @Field(() => Int, {
    nullable: true,
    description: 'Only responses scoring at most this (e.g. 6 with types [NPS]: the detractors).',
  })
  maxScore?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only responses whose comment contains this text, ignoring case (1 to 100 characters): the comments behind ' +
      'a word or phrase of recurringCauses.',
  })
  commentContains?: string | null;
}
