import { AGENT_CALIBRATION, generateAgents } from '@cx-pulse/seeds';
import type { Knex } from '@mikro-orm/knex';
import { dialectOf, selectRows, toDbValue } from '../database/dialect.js';
import type { Orm } from '../database/orm.js';
import { ActorKind } from '../modules/alerts/alert-action.js';
import { Role } from '../modules/auth/role.js';
import { randomPassword } from '../modules/auth/token.js';
import { User } from '../modules/auth/user.entity.js';
import { UserService } from '../modules/auth/user.service.js';
import { ReviewStatus } from '../modules/exceptions/review-outcome.js';
import { IngestService } from '../modules/ingest/ingest.service.js';
import type { ImportSummary } from '../modules/ingest/record-kind.js';

const DAY_MS = 86_400_000;
/**
 * The demo's supervisors: SUPERVISOR users who sign its reviews, as a person reviewing in the dashboard would
 * (the review records the user's name). Their passwords are random and never shown: sign in as the demo admin.
 */
export const DEMO_SUPERVISORS = [
  { email: 'dana.whitfield@cx-pulse.local', name: 'Dana Whitfield' },
  { email: 'samir.haddad@cx-pulse.local', name: 'Samir Haddad' },
] as const;
const NOTES: Record<ReviewStatus.UPHELD | ReviewStatus.CORRECTED, string> = {
  [ReviewStatus.UPHELD]: 'Reasonable for the situation; the customer accepted a fair split.',
  [ReviewStatus.CORRECTED]: 'More than policy allows for this case; discussed with the agents.',
};

/** The demo agents (names, teams, channels), imported before the contacts that name them. */
export function importDemoAgents(
  orm: Orm,
  options: { seed: number; months: number; until: Date },
): Promise<ImportSummary> {
  const rows = generateAgents(options).map((values, index) => ({ row: index + 1, values }));
  return new IngestService(orm.em.fork()).importRows('agents', rows, { source: 'seed' });
}

/**
 * Reviews of the demo exceptions older than the review lag: UPHELD, or CORRECTED for a share that is
 * small when a peer approved (agent-calibration.ts), decided by a hash of the contact id so that seeding
 * again gives the same verdicts. Exceptions already reviewed keep their review.
 */
export async function reviewDemoExceptions(orm: Orm, until: Date): Promise<number> {
  const reviewers = await demoSupervisors(orm);
  const knex = orm.em.getKnex();
  const dialect = dialectOf(orm.em);
  const before = new Date(until.getTime() - AGENT_CALIBRATION.reviewLagDays.value * DAY_MS);
  const exceptions = await selectRows(
    dialect,
    knex.raw(
      'select k.id, k.external_id, k.peer_approved, k.started_at from contacts k ' +
        'where k.out_of_policy = true and k.started_at < ? ' +
        'and not exists (select 1 from exception_reviews v where v.contact_id = k.id)',
      [toDbValue(dialect, before) as Knex.Value],
    ),
  );
  const corrected = AGENT_CALIBRATION.correctedShare.value;
  const rows = exceptions.map((row) => {
    const share = row.peer_approved ? corrected.peerApproved : corrected.notApproved;
    const status = fraction(String(row.external_id)) < share ? ReviewStatus.CORRECTED : ReviewStatus.UPHELD;
    return {
      contact_id: Number(row.id),
      status,
      note: NOTES[status],
      // Reviewed a lag after the contact, as a supervisor working through the queue would.
      reviewed_at: toDbValue(
        dialect,
        new Date(Number(new Date(row.started_at as string)) + AGENT_CALIBRATION.reviewLagDays.value * DAY_MS),
      ),
      // Which supervisor: another stable hash of the contact, so the queue is shared about evenly.
      reviewer_name:
        reviewers[Math.floor(fraction(`reviewer:${String(row.external_id)}`) * reviewers.length)]!,
      reviewer_kind: ActorKind.USER,
    };
  });
  for (let start = 0; start < rows.length; start += 500) {
    await knex('exception_reviews')
      .insert(rows.slice(start, start + 500))
      .onConflict('contact_id')
      .ignore();
  }
  return rows.length;
}

/** The names of the demo's supervisors, each created as a SUPERVISOR user when missing. */
async function demoSupervisors(orm: Orm): Promise<string[]> {
  const em = orm.em.fork();
  for (const supervisor of DEMO_SUPERVISORS) {
    if (await em.count(User, { email: supervisor.email })) continue;
    await new UserService(em).create({ ...supervisor, role: Role.SUPERVISOR, password: randomPassword() });
  }
  return DEMO_SUPERVISORS.map(({ name }) => name);
}

/** A stable fraction in [0, 1) from an id (FNV-1a). */
function fraction(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}
