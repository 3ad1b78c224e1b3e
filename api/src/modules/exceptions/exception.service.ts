import { DAY_SECONDS } from '../../core/time.js';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { fromDbTime, plusSeconds, selectRows, toDbValue } from '../../database/dialect.js';
import { checkWindowOrder } from '../../core/filters.js';
import type { Connection, PageRequest } from '../../core/pagination.js';
import { CursorCodec, pageSize } from '../../database/paginate.js';
import { userInputError } from '../../core/errors.js';
import type { ActorKind } from '../alerts/alert-action.js';
import type { ChangeActor } from '../alerts/change-actor.js';
import type { Channel } from '../contacts/channel.js';
import { graphqlEnumName } from '../metrics/dimension.js';
import { countWhere, isRecovery, isRepeatContact } from '../../core/conditions.js';
import { agentDaySums, agentDaysAnswer, sumAs } from '../agents/agent-day-reads.js';
import { flaggedSum, recompenseCents } from '../metrics/rollups/agent-days.js';
import { percent, ratio } from '../metrics/measures.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import type { SurveyType } from '../surveys/survey-type.js';
import type { ExceptionFilter } from './dto/exception-filter.input.js';
import {
  EXCEPTION_CHURN_DAYS,
  type ExceptionOutcomes,
  type ExceptionReport,
  type PolicyException,
} from './dto/policy-exception.type.js';
import { REVIEW_VERDICTS, ReviewStatus } from './review-outcome.js';

const MAX_NOTE = 4_000;
/** Cursors of the exceptions list: the contact's start (epoch ms) and internal id, the most recent first. */
const CURSORS = new CursorCodec('PolicyException.startedAt.desc', true);
const FROM =
  'from contacts f join customers c on c.id = f.customer_id left join agents a on a.external_id = f.agent_id ' +
  'left join exception_reviews v on v.contact_id = f.id';
const STATUS = `coalesce(v.status, '${ReviewStatus.PENDING}')`;
/** The report's outcome sums by their names in its rows, and the agent days' sums they are. */
const OUTCOME_SUMS = {
  contacts: 'contacts',
  resolved: 'resolved',
  repeated: 'repeatedContacts',
  churned: 'churned',
  cents: 'recompenseCents',
  recompensed: 'recompensed',
  peer: 'peerApproved',
};
const RECOVERY = isRecovery('f');
/** The review sums of the exceptions, over their reviews v. */
const REVIEW_SUMS =
  `${countWhere(`v.status = '${ReviewStatus.UPHELD}'`)} as upheld, ` +
  `${countWhere(`v.status = '${ReviewStatus.CORRECTED}'`)} as corrected, ` +
  `${countWhere('f.peer_approved = true and v.status is not null')} as "peerReviewed", ` +
  `${countWhere(`f.peer_approved = true and v.status = '${ReviewStatus.CORRECTED}'`)} as "peerCorrected"`;

/**
 * Out-of-policy decisions as reviewable exceptions: the list with what happened next, the review (once,
 * by an ADMIN, audited with who and when), and the report of volume, review outcomes, cost and outcomes.
 */
export class ExceptionService {
  constructor(private readonly em: EntityManager) {}

  /**
   * One page of the exceptions of the filter, the most recent first (ties by import order, newest first),
   * by keyset: the cursor carries the last row's start and internal id, so the next page is a range seek
   * on the contacts' start, never an OFFSET.
   */
  async page(filter: ExceptionFilter, page: PageRequest): Promise<Connection<PolicyException>> {
    const first = pageSize(page.first);
    const after = page.after == null ? undefined : CURSORS.decode(page.after, 'after');
    const builder = new SqlBuilder(this.em);
    const conditions = [builder.raw('f.out_of_policy = true'), ...this.conditions(builder, filter)];
    const at = after ? new Date(after.value!) : undefined;
    // Rows strictly after the cursor's (start, id), the range on the start first so its index serves it.
    const seek = at
      ? [builder.raw('f.started_at <= ? and (f.started_at < ? or f.id < ?)', [at, at, after!.id])]
      : [];
    const rows = await this.rows(builder, builder.and([...conditions, ...seek]), first + 1);
    const nodes = rows.slice(0, first);
    const edges = nodes.map((row) => ({
      cursor: CURSORS.encode({ id: row.id, value: row.exception.startedAt.getTime() }),
      node: row.exception,
    }));
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      countRows: async () => {
        const [row] = await builder.rows(
          builder.raw(`select count(*) as n ${FROM} where ?`, [builder.and(conditions)]),
        );
        return Number(row?.n ?? 0);
      },
    };
  }

  /** The exception of one contact (after its review). */
  private async one(contactId: string): Promise<PolicyException> {
    // From the primary: the review just written must be in it.
    const builder = new SqlBuilder(this.em, this.em.getKnex());
    const [row] = await this.rows(
      builder,
      builder.and([builder.raw('f.out_of_policy = true'), builder.raw('f.external_id = ?', [contactId])]),
      1,
    );
    return row!.exception;
  }

  private async rows(
    builder: SqlBuilder,
    where: Knex.Raw,
    limit: number,
  ): Promise<{ id: number; exception: PolicyException }[]> {
    const next = (column: string) =>
      `(select r.${column} from survey_responses r where r.customer_id = f.customer_id and r.responded_at > f.started_at ` +
      'order by r.responded_at, r.id limit 1)';
    const rows = await builder.rows(
      builder.raw(
        'select f.id, f.external_id as contact_id, c.external_id as customer_id, f.started_at, f.channel, f.reason, ' +
          'f.agent_id, a.name as agent_name, a.team, f.peer_approved, f.approved_by, f.apology, f.recompense_type, ' +
          `f.recompense_value, f.resolved, f.repeated, case when ${this.churned(builder)} then 1 else 0 end as churned, ` +
          `${next('type')} as next_type, ${next('score')} as next_score, v.status, v.note, v.reviewed_at, ` +
          `v.reviewer_name, v.reviewer_kind ${FROM} where ? ` +
          `order by f.started_at desc, f.id desc limit ${limit}`,
        [where],
      ),
    );
    const bool = (value: unknown) => (value == null ? null : Boolean(value));
    return rows.map((row) => ({
      id: Number(row.id),
      exception: {
        contactId: row.contact_id as string,
        customerId: row.customer_id as string,
        startedAt: fromDbTime(row.started_at),
        channel: row.channel as Channel,
        reason: (row.reason as string | null) ?? null,
        agentId: (row.agent_id as string | null) ?? null,
        agentName: (row.agent_name as string | null) ?? null,
        team: (row.team as string | null) ?? null,
        peerApproved: Boolean(row.peer_approved),
        approvedBy: (row.approved_by as string | null) ?? null,
        apology: bool(row.apology),
        recompenseType: (row.recompense_type as string | null) ?? null,
        recompenseValue: row.recompense_value == null ? null : Number(row.recompense_value),
        resolved: bool(row.resolved),
        nextScoreType: (row.next_type as SurveyType | null) ?? null,
        nextScore: row.next_score == null ? null : Number(row.next_score),
        repeatContact: Boolean(row.repeated),
        churnedWithin90Days: Number(row.churned) > 0,
        reviewStatus: (row.status as ReviewStatus | null) ?? ReviewStatus.PENDING,
        review:
          row.status == null
            ? null
            : {
                status: row.status as ReviewStatus,
                note: row.note as string,
                reviewedAt: fromDbTime(row.reviewed_at),
                reviewerName: row.reviewer_name as string,
                reviewerKind: row.reviewer_kind as ActorKind,
              },
      },
    }));
  }

  /**
   * Marks an exception UPHELD or CORRECTED with a note, once: a second review of it, even one racing
   * this one, is refused (the unique key on the contact decides which review came first).
   */
  async review(
    contactId: string,
    status: ReviewStatus,
    note: string,
    actor: ChangeActor,
  ): Promise<PolicyException> {
    if (!REVIEW_VERDICTS.includes(status as (typeof REVIEW_VERDICTS)[number]))
      throw userInputError('status', graphqlEnumName(status), 'UPHELD or CORRECTED');
    const text = note.trim();
    if (text === '' || text.length > MAX_NOTE)
      throw userInputError('note', note, `a non-blank text of at most ${MAX_NOTE} characters`);
    const builder = new SqlBuilder(this.em, this.em.getKnex());
    const [contact] = await builder.rows(
      builder.raw('select f.id, f.out_of_policy from contacts f where f.external_id = ?', [contactId]),
    );
    if (!contact) throw userInputError('contactId', contactId, 'the contact_id of an imported contact');
    if (!contact.out_of_policy)
      throw userInputError(
        'contactId',
        contactId,
        'the contact_id of an out-of-policy contact (this one is within policy)',
      );
    const inserted = await selectRows(
      builder.dialect,
      this.em
        .getKnex()
        .raw(
          'insert into exception_reviews (contact_id, status, note, reviewed_at, reviewer_name, reviewer_kind) ' +
            'values (?, ?, ?, ?, ?, ?) on conflict (contact_id) do nothing returning id',
          [
            Number(contact.id),
            status,
            text,
            toDbValue(builder.dialect, new Date()) as Knex.Value,
            actor.name,
            actor.kind,
          ],
        ),
    );
    if (inserted.length === 0) {
      const [existing] = await builder.rows(
        builder.raw('select status from exception_reviews where contact_id = ?', [Number(contact.id)]),
      );
      throw userInputError(
        'contactId',
        contactId,
        `an exception in status PENDING for reviewException, but ${contactId} is already ` +
          `${graphqlEnumName((existing?.status as string | undefined) ?? 'reviewed')} (an exception is reviewed once)`,
      );
    }
    return this.one(contactId);
  }

  /**
   * Volume, peer approval, review outcomes, cost, and outcomes beside within-policy recoveries. The outcome
   * sums come from the agent days when they answer (the reviews, written by reviewException rather than by
   * an import, are read from the reviews with their contacts), otherwise from the facts.
   */
  async report(filter: ExceptionFilter): Promise<ExceptionReport> {
    checkWindowOrder(filter);
    const builder = new SqlBuilder(this.em);
    const window = { ...filter, statuses: null };
    const rows = (await agentDaysAnswer(this.em, filter))
      ? await this.reportFromRollup(builder, window)
      : await builder.rows(
          builder.raw(
            `select case when f.out_of_policy = true then 'out' else 'within' end as grp, count(*) as contacts, ` +
              `${countWhere('f.resolved = true')} as resolved, ${countWhere(isRepeatContact('f'))} as repeated, ` +
              `${countWhere(this.churned(builder))} as churned, coalesce(sum(${recompenseCents('f')}), 0) as cents, ` +
              `count(f.recompense_value) as recompensed, ${countWhere('f.peer_approved = true')} as peer, ` +
              `${REVIEW_SUMS} ${FROM} where (f.out_of_policy = true or ${RECOVERY}) and ? group by 1`,
            [builder.and(this.conditions(builder, window))],
          ),
        );
    const sums = (group: string) => {
      const found = rows.filter((candidate) => candidate.grp === group);
      return Object.fromEntries(
        [
          'contacts',
          'resolved',
          'repeated',
          'churned',
          'cents',
          'recompensed',
          'peer',
          'upheld',
          'corrected',
          'peerReviewed',
          'peerCorrected',
        ].map((name) => [name, found.reduce((sum, row) => sum + Number(row[name] ?? 0), 0)]),
      );
    };
    const out = sums('out');
    const reviewed = out.upheld! + out.corrected!;
    const peerApprovedPct = percent(out.peer, out.contacts);
    return {
      exceptions: out.contacts!,
      peerApproved: out.peer!,
      peerApprovedPct,
      peerApprovedShare: peerApprovedPct,
      reviewed,
      upheld: out.upheld!,
      corrected: out.corrected!,
      upheldRate: percent(out.upheld, reviewed),
      correctedRate: percent(out.corrected, reviewed),
      peerApprovedCorrectedRate: percent(out.peerCorrected, out.peerReviewed),
      outOfPolicy: outcomes(out),
      withinPolicyRecoveries: outcomes(sums('within')),
    };
  }

  /**
   * The report's rows from the agent days, with the reviews (written by reviewException rather than by an
   * import) read from the reviews and their contacts: one row per reviewed exception of the window.
   */
  private async reportFromRollup(
    builder: SqlBuilder,
    filter: ExceptionFilter,
  ): Promise<Record<string, unknown>[]> {
    const groups = { out: 'exceptions', within: 'withinPolicy' } as const;
    const [[outcomes], reviews] = await Promise.all([
      agentDaySums(
        builder,
        filter,
        Object.entries(groups).flatMap(([group, flag]) =>
          Object.entries(OUTCOME_SUMS).map(([name, sum]) => sumAs(flaggedSum(flag, sum), `${group}.${name}`)),
        ),
        null,
      ),
      builder.rows(
        builder.raw(
          // Driven by the reviews, far fewer than the window's contacts: a cross join keeps SQLite to that order
          // (it walked the 90 days' contacts by time and probed each for a review: 0.7-2 s rather than 85 ms
          // at 100,000 customers); PostgreSQL plans it as the inner join it is.
          `select 'out' as grp, ${REVIEW_SUMS} from exception_reviews v cross join contacts f ` +
            'left join agents a on a.external_id = f.agent_id where f.id = v.contact_id and f.out_of_policy = true and ?',
          [builder.and(this.conditions(builder, filter))],
        ),
      ),
    ]);
    return [
      ...Object.keys(groups).map((grp): Record<string, unknown> => ({
        grp,
        ...Object.fromEntries(
          Object.keys(OUTCOME_SUMS).map((name): [string, unknown] => [name, outcomes?.[`${grp}.${name}`]]),
        ),
      })),
      ...reviews,
    ];
  }

  private churned(builder: SqlBuilder): string {
    return (
      `c.churned_at > f.started_at and c.churned_at <= ` +
      plusSeconds(builder.dialect, 'f.started_at', EXCEPTION_CHURN_DAYS * DAY_SECONDS)
    );
  }

  /** The conditions of the filter, over the contacts f and the agents a. */
  private conditions(builder: SqlBuilder, filter: ExceptionFilter): Knex.Raw[] {
    checkWindowOrder(filter);
    const conditions = builder.window('f.started_at', filter);
    if (filter.statuses != null) conditions.push(builder.oneOf(STATUS, filter.statuses));
    if (filter.agents != null) conditions.push(builder.oneOf('f.agent_id', filter.agents));
    if (filter.teams != null) conditions.push(builder.oneOf('a.team', filter.teams));
    return conditions;
  }
}

function outcomes(sums: Record<string, number>): ExceptionOutcomes {
  const cost = sums.cents! / 100;
  return {
    contacts: sums.contacts!,
    resolvedRate: percent(sums.resolved, sums.contacts),
    repeatContactRate: percent(sums.repeated, sums.contacts),
    churnRate: percent(sums.churned, sums.contacts),
    recompenseCost: cost,
    avgRecompense: ratio(cost, sums.recompensed),
    recompenseAvg: ratio(cost, sums.recompensed),
  };
}
