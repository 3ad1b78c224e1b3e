import { isApology, isComplaint } from '../../core/conditions.js';
import { RecoveryGroup } from './dto/recovery-effectiveness.type.js';

/**
 * The contact `k` is one recoveryEffectiveness compares: a complaint, a recompense or a policy exception
 * (wider than isRecovery, the agent views' apology or recompense).
 */
export const inRecoveryEffectiveness = (k: string) =>
  `(${isComplaint(k)} or ${k}.recompense_type is not null or ${k}.out_of_policy is not null)`;

/** The recovery group of the contact `k`: an apology, else perks alone when recompensed, else neither (SQL). */
export const recoveryGroupOf = (k: string) =>
  `case when ${isApology(k)} then '${RecoveryGroup.APOLOGY}' ` +
  `when ${k}.recompense_type is not null then '${RecoveryGroup.PERKS_ONLY}' else '${RecoveryGroup.NEITHER}' end`;
