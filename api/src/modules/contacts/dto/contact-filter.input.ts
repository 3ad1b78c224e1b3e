import { Field, InputType } from 'type-graphql';
import { FactFilter } from '../../../graphql/filters.js';
import { RecoveryGroup } from '../../metrics/dto/recovery-effectiveness.type.js';
import { Channel } from '../channel.js';

@InputType({
  description: 'Which contacts to return. Unset fields do not filter; every field that is set must match.',
})
export class ContactFilter extends FactFilter('startedAt') {
  @Field(() => [Channel], {
    nullable: true,
    description: 'Only contacts on these channels; an empty list matches none.',
  })
  channels?: Channel[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only contacts with these reasons (exact, case-sensitive match as imported; contacts without a reason never match); ' +
      'an empty list matches none.',
  })
  reasons?: string[] | null;

  @Field(() => RecoveryGroup, {
    nullable: true,
    description:
      'Only contacts with recovery recorded in this group, as recoveryEffectiveness groups them (APOLOGY, ' +
      'PERKS_ONLY and NEITHER; WITHIN_POLICY, OUT_OF_POLICY_PEER_APPROVED and OUT_OF_POLICY_NOT_APPROVED).',
  })
  recovery?: RecoveryGroup | null;
}
