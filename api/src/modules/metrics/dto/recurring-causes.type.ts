import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';

@ObjectType({ description: 'Contacts of one reason in one period of the trend.' })
export class ReasonPeriod {
  @Field(() => DateTimeScalar, { description: 'Start of the UTC time bucket.' })
  period!: Date;

  @Field(() => Int, { description: 'Contacts with the reason that started in the bucket.' })
  contacts!: number;
}

@ObjectType({
  description: 'One contact reason: how often it comes up, how often it comes back, and its trend.',
})
export class ReasonCount {
  @Field(() => String, {
    nullable: true,
    description: 'The contact reason as imported; null for contacts without one.',
  })
  reason!: string | null;

  @Field(() => Int, { description: 'Contacts with the reason in the window.' })
  contacts!: number;

  @Field(() => Float, {
    description: 'Percent 0-100 of all contacts of the window (and segment) that had this reason.',
  })
  contactSharePct!: number;

  @Field(() => Float, {
    description:
      'Percent 0-100 of all contacts of the window (and segment) that had this reason (the old name of contactSharePct).',
    deprecationReason: 'Use contactSharePct.',
  })
  share!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Percent 0-100 of them followed by another contact of the same customer within 7 days (repeatContactRate).',
  })
  repeatContactRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'First-contact resolution of them, percent 0-100 (fcrRate).',
  })
  fcrRate!: number | null;

  @Field(() => [ReasonPeriod], {
    description: 'Contacts per period, oldest first; periods without contacts are left out.',
  })
  trend!: ReasonPeriod[];
}

@ObjectType({ description: 'A word or two-word phrase and the number of comments that use it.' })
export class CommentTerm {
  @Field(() => String, { description: 'The word or phrase, lower case.' })
  term!: string;

  @Field(() => Int, { description: 'Comments containing it (each comment counts once).' })
  comments!: number;

  @Field(() => Float, { description: 'Percent 0-100 of the analysed comments containing it.' })
  commentSharePct!: number;

  @Field(() => Float, {
    description: 'Percent 0-100 of the analysed comments containing it (the old name of commentSharePct).',
    deprecationReason: 'Use commentSharePct.',
  })
  share!: number;
}

@ObjectType({
  description:
    'Recurring causes, so that repeated problems stand out: contact reasons by volume with their trend, and what ' +
    'detractors write.',
})
export class RecurringCauses {
  @Field(() => [ReasonCount], { description: 'Contact reasons, most contacts first (ties by reason).' })
  reasons!: ReasonCount[];

  @Field(() => Int, {
    description: 'Detractor nps responses (0-6) with a comment in the window and segment.',
  })
  detractorComments!: number;

  @Field(() => Int, {
    description:
      'Of them, the comments analysed: the newest, at most 10,000, as many as 0.4 s of work reads (the first ' +
      '2,000 characters and 200 words of each). When fewer than detractorComments, the terms describe the newest.',
  })
  commentsAnalysed!: number;

  @Field(() => [CommentTerm], {
    nullable: true,
    description:
      'Most frequent words in the analysed comments, stop words and numbers removed, most comments first; only ' +
      'words written by at least CX_TEXT_MIN_CUSTOMERS (5) distinct customers. Derived from personal data: null ' +
      'for roles without access to it (only ANALYST and ADMIN have it).',
  })
  detractorWords!: CommentTerm[] | null;

  @Field(() => [CommentTerm], {
    nullable: true,
    description:
      'Most frequent two-word phrases (adjacent words, neither a stop word), most comments first; only phrases ' +
      'written by at least CX_TEXT_MIN_CUSTOMERS (5) distinct customers. Null for roles without access to ' +
      'personal data, as detractorWords.',
  })
  detractorPhrases!: CommentTerm[] | null;
}
