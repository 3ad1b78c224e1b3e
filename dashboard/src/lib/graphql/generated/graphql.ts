/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What kind of actor made a change. */
export type ActorKind =
  /** A system calling with an API key (e.g. a contact-center integration). */
  | 'API_KEY'
  /** CX Pulse itself, e.g. an alert rule during an import. */
  | 'SYSTEM'
  /** A person signed in to the dashboard. */
  | 'USER';

/** A change recorded in the audit trail of an alert. */
export type AlertAction =
  /** Moved from OPEN to ACKNOWLEDGED. */
  | 'ACKNOWLEDGED'
  /** The owner was set or changed (text holds the new owner). */
  | 'ASSIGNED'
  /** Moved from ACKNOWLEDGED to CUSTOMER_CONTACTED (the call-back). */
  | 'CUSTOMER_CONTACTED'
  /** A note was added (text holds it). */
  | 'NOTE_ADDED'
  /** A rule raised the alert during an import. */
  | 'OPENED'
  /** Moved from CUSTOMER_CONTACTED to RESOLVED. */
  | 'RESOLVED';

/** Why an alert was raised. Thresholds, SLA hours and on/off per rule come from the alert rules configuration (CX_ALERT_RULES); the descriptions give the defaults. */
export type AlertRule =
  /** A self-service session ended escalated and the customer then gave a detractor NPS (0-6) or a CSAT of 1-2 within 7 days (a backfire). Raised once per session. */
  | 'BACKFIRED_SELF_SERVICE'
  /** A contact waited longer than the limit of its channel (by default 10 minutes for phone and video, 5 for chat, 20 in person, 4 hours for social, 24 hours for e-mail). Raised once per contact. */
  | 'LONG_WAIT'
  /** A contact brought the customer's contacts within 7 days (this one and those started in the 7 days before it) to exactly 3, by default. Raised on the contact that reaches the count, so a burst gives one alert; a burst that goes on raises another once its first contacts are more than 7 days old and the count reaches 3 again. */
  | 'REPEAT_CONTACTS'
  /** A refresh of the customer's churn risk score took it from below the high-risk threshold (or no score) to the threshold or more (riskJump.threshold, default 70; the same threshold counts the customers at high risk beside revenue at risk). Raised once per refresh that crosses the threshold. */
  | 'RISK_JUMP'
  /** A VIP customer gave a detractor NPS (0-6 by default). Raised once per survey response. */
  | 'VIP_DETRACTOR';

/** Where an alert is in the closed loop: OPEN -> ACKNOWLEDGED -> CUSTOMER_CONTACTED -> RESOLVED, one step at a time. */
export type AlertStatus =
  /** Someone has taken it on. */
  | 'ACKNOWLEDGED'
  /** The customer has been called or written back. */
  | 'CUSTOMER_CONTACTED'
  /** Raised by a rule; nobody has taken it on yet. */
  | 'OPEN'
  /** Closed: the cause has been dealt with. */
  | 'RESOLVED';

/** Which alerts the measures cover, by when they were raised (openedAt). */
export type AlertWindow = {
  /** Only alerts opened at or after this instant. */
  from?: string | null | undefined;
  /** Only alerts opened before this instant (exclusive), so consecutive windows do not overlap. */
  to?: string | null | undefined;
};

/** Assisted contact channel. For a survey: the channel the response is about. */
export type Channel =
  /** Live chat with an agent. */
  | 'CHAT'
  /** E-mail exchange with an agent. */
  | 'EMAIL'
  /** Face to face, e.g. in a branch or store. */
  | 'IN_PERSON'
  /** Voice call with an agent. */
  | 'PHONE'
  /** Social media (public or direct messages). */
  | 'SOCIAL'
  /** Video call with an agent. */
  | 'VIDEO';

/** Which window the current one is compared with. */
export type Comparison =
  /** The window of the same length that ends where the current one starts. */
  | 'PREVIOUS_PERIOD'
  /** The same dates one calendar year earlier (a window starting on February 29 starts on March 1). */
  | 'PREVIOUS_YEAR';

/** Which contacts to return. Unset fields do not filter; every field that is set must match. */
export type ContactFilter = {
  /** Only contacts on these channels; an empty list matches none. */
  channels?: Array<Channel> | null | undefined;
  /** Only rows of this customer (the customer id of the import). */
  customerId?: string | number | null | undefined;
  /** Only rows with startedAt at or after this instant (inclusive). */
  from?: string | null | undefined;
  /** Only rows of customers of these generations (as metric filters: the rows behind a chart's bar). */
  generations?: Array<Generation> | null | undefined;
  /** Only contacts with these reasons (exact, case-sensitive match as imported; contacts without a reason never match); an empty list matches none. */
  reasons?: Array<string> | null | undefined;
  /** Only contacts with recovery recorded in this group, as recoveryEffectiveness groups them (APOLOGY, PERKS_ONLY and NEITHER; WITHIN_POLICY, OUT_OF_POLICY_PEER_APPROVED and OUT_OF_POLICY_NOT_APPROVED). */
  recovery?: RecoveryGroup | null | undefined;
  /** Only rows of customers of these regions. */
  regions?: Array<string> | null | undefined;
  /** Only rows of customers of these tiers. */
  tiers?: Array<Tier> | null | undefined;
  /** Only rows with startedAt before this instant (exclusive), so consecutive windows do not overlap. */
  to?: string | null | undefined;
};

/** One assisted contact, as a row of the contacts import (columns in camelCase). */
export type ContactRowInput = {
  /** Id of the agent who handled it (at most 255 characters, no leading or trailing spaces). */
  agentId?: string | null | undefined;
  /** Whether the agent apologised. */
  apology?: boolean | null | undefined;
  /** agentId of the peer who approved the exception (at most 255 characters, no leading or trailing spaces); need not be an imported agent. */
  approvedBy?: string | null | undefined;
  /** Channel of the interaction. */
  channel: Channel;
  /** Id of the contact in the contact-center system (at most 255 characters, no leading or trailing spaces); the key of the upsert. */
  contactId: string;
  /** The customer served: customerId of a customer that already exists (at most 255 characters, no leading or trailing spaces). */
  customerId: string;
  /** Whether it was escalated to a supervisor or tier 2. */
  escalated?: boolean | null | undefined;
  /** Whether it was resolved in this first contact; cannot be true when resolved is false. */
  firstContactResolution?: boolean | null | undefined;
  /** Seconds of agent time (talk, hold, wrap-up), 0 or more. */
  handleSeconds?: number | null | undefined;
  /** Whether the resolution was an exception to policy. */
  outOfPolicy?: boolean | null | undefined;
  /** Whether a peer or supervisor approved the exception. */
  peerApproved?: boolean | null | undefined;
  /** Queue or skill group that handled it. */
  queue?: string | null | undefined;
  /** Contact reason as coded by the agent or the system. */
  reason?: string | null | undefined;
  /** Kind of recompense given (e.g. refund, credit, gift), free text. */
  recompenseType?: string | null | undefined;
  /** Value of the recompense, 0 or more, in the currency of the data; needs recompenseType. */
  recompenseValue?: number | null | undefined;
  /** Whether the issue was resolved. */
  resolved?: boolean | null | undefined;
  /** sessionId of the self-service session this contact escalated from, if any (at most 255 characters, no leading or trailing spaces; not checked). */
  selfServiceSessionId?: string | null | undefined;
  /** When the contact started. ISO 8601 timestamp (e.g. 2026-03-01T09:30:00Z or 2026-03-01T12:30:00+03:00) or date (2026-03-01, midnight UTC); without an offset it is taken as UTC. */
  startedAt: string;
  /** Transfers between agents or queues, 0 or more. */
  transfers?: number | null | undefined;
  /** Seconds the customer waited for an agent, 0 or more. */
  waitSeconds?: number | null | undefined;
};

/** Which customers to return. Unset fields do not filter; every field that is set must match. */
export type CustomerFilter = {
  /** true: only customers who left (churnedAt set); false: only active customers. */
  churned?: boolean | null | undefined;
  /** Only customers who left at or after this instant (churnedAt), inclusive: with churnedTo, the customers a churn rate counts as churned in its window. */
  churnedFrom?: string | null | undefined;
  /** Only customers who left before this instant (churnedAt), exclusive. */
  churnedTo?: string | null | undefined;
  /** Only customers of these generations; an empty list matches none. */
  generations?: Array<Generation> | null | undefined;
  /** Only customers in these regions (exact, case-sensitive match as imported); an empty list matches none. */
  regions?: Array<string> | null | undefined;
  /** Only customers of these tiers (customers without a tier never match); an empty list matches none. */
  tiers?: Array<Tier> | null | undefined;
};

/** Which out-of-policy exceptions (and, for the report, recoveries) to read. */
export type ExceptionFilter = {
  /** Only decisions of these agent ids. Omitted or null: any; an empty list matches nothing. */
  agents?: Array<string> | null | undefined;
  /** Contacts started at or after this instant. */
  from?: string | null | undefined;
  /** Only exceptions in these review statuses. Omitted or null: any; an empty list matches nothing. */
  statuses?: Array<ReviewStatus> | null | undefined;
  /** Only decisions of agents of these teams. Omitted or null: any; an empty list matches nothing. */
  teams?: Array<string> | null | undefined;
  /** Contacts started before this instant. */
  to?: string | null | undefined;
};

/** Generational segment derived from the customer's birth_year. */
export type Generation =
  /** Baby Boomers, born 1946-1964. */
  | 'BOOMER'
  /** Generation X, born 1965-1979. */
  | 'GEN_X'
  /** Generation Z, born 2001 or later. */
  | 'GEN_Z'
  /** Millennials, born 1980-2000. */
  | 'MILLENNIAL'
  /** Born 1945 or earlier. */
  | 'SILENT';

/** Which way of a change is good news. */
export type GoodDirection =
  /** A rise is good news (NPS, first-contact resolution). */
  | 'HIGHER'
  /** A fall is good news (churn, waits, backfire). */
  | 'LOWER'
  /** Neither: a volume or a duration that is not better either way. */
  | 'NEITHER';

/** When the rows of an ingest mutation are written and their follow-ups run. */
export type IngestApply =
  /** Validated and stored durably before the answer (nothing is lost if the server stops), then applied by the ingest worker within seconds, merged with other waiting batches (see ingestBacklog); the answer has queued and batchId, and the three counts are 0. */
  | 'BACKGROUND'
  /** Before the answer: the rows, rollups, risk scores, alerts and data version in one transaction, visible to the next query; the answer has the inserted/updated/unchanged counts. */
  | 'NOW';

/** The unit a measure is reported in, which says how to format it. */
export type MeasureUnit =
  /** A count of rows. */
  | 'COUNT'
  /** An amount in the currency of the catalogue (MeasureCatalogue.currency). */
  | 'MONEY'
  /** NPS points, -100 to 100; a change is in points. */
  | 'NPS_POINTS'
  /** An estimated number of people. */
  | 'PEOPLE'
  /** Percent 0-100; a change is in percentage points. */
  | 'PERCENT'
  /** A mean score on the 1-5 CSAT scale. */
  | 'SCORE_5'
  /** A mean score on the 1-7 CES scale (higher is easier). */
  | 'SCORE_7'
  /** A duration in seconds (shown in minutes or hours when long). */
  | 'SECONDS';

/** Which rows measures are computed over. Each list restricts the dimension of the same name, so it only applies to measures that accept that dimension; `from` and `to` apply to every measure, on its own time. */
export type MetricFilter = {
  /** Only contacts handled by these agent ids, and responses about them, exact match (dimension AGENT). Omitted or null: any value; an empty list matches nothing. */
  agents?: Array<string> | null | undefined;
  /** Only these channels (dimension CHANNEL). Omitted or null: any value; an empty list matches nothing. */
  channels?: Array<Channel> | null | undefined;
  /** Only self-service sessions from these entry points (dimension ENTRY). Omitted or null: any value; an empty list matches nothing. */
  entries?: Array<SelfServiceEntry> | null | undefined;
  /** Start of the window, inclusive, applied to each measure on its own time (respondedAt, startedAt, churnedAt). */
  from?: string | null | undefined;
  /** Only customers of these generations (dimension GENERATION). Omitted or null: any value; an empty list matches nothing. */
  generations?: Array<Generation> | null | undefined;
  /** Only contacts of these queues, and responses about them, exact match (dimension QUEUE). Omitted or null: any value; an empty list matches nothing. */
  queues?: Array<string> | null | undefined;
  /** Only contacts with these reasons, exact match (dimension REASON). Omitted or null: any value; an empty list matches nothing. */
  reasons?: Array<string> | null | undefined;
  /** Only customers of these regions, exact match (dimension REGION). Omitted or null: any value; an empty list matches nothing. */
  regions?: Array<string> | null | undefined;
  /** Only contacts handled by agents of these teams, and responses about them, exact match (dimension TEAM). Omitted or null: any value; an empty list matches nothing. */
  teams?: Array<string> | null | undefined;
  /** Only customers of these tiers (dimension TIER). Omitted or null: any value; an empty list matches nothing. */
  tiers?: Array<Tier> | null | undefined;
  /** End of the window, exclusive, so consecutive windows neither overlap nor leave gaps. */
  to?: string | null | undefined;
};

/** What to do about a customer at risk, first matching rule first. */
export type NextStepAction =
  /** An open problem (a complaint without apology, or a contact left unresolved): call back. */
  | 'CALL_BACK'
  /** An open problem, in a generation where apologies kept more complainers than perks alone: call back and apologise. */
  | 'CALL_BACK_WITH_APOLOGY'
  /** No single recent event: a proactive check-in. */
  | 'CHECK_IN'
  /** A recent low score: call to ask what went wrong. */
  | 'CLOSE_THE_LOOP'
  /** The customer prefers a live agent: route their next contact to one. */
  | 'ROUTE_TO_LIVE_AGENT';

/** How a customer came to be marked as preferring a live agent. */
export type PreferenceSource =
  /** An agent (or the contact-center system) recorded it. */
  | 'AGENT_NOTE'
  /** Set by an import: an escalated self-service session was followed within 7 days by a detractor NPS or a CSAT of 1-2. */
  | 'AUTOMATIC';

/** How a complaint was handled: the recovery given, or whether the resolution bent policy. */
export type RecoveryGroup =
  /** The agent apologised (with or without a recompense). */
  | 'APOLOGY'
  /** Recovery recorded, but neither an apology nor a recompense. */
  | 'NEITHER'
  /** An exception to policy without a peer approval. */
  | 'OUT_OF_POLICY_NOT_APPROVED'
  /** An exception to policy that a peer or supervisor approved. */
  | 'OUT_OF_POLICY_PEER_APPROVED'
  /** A recompense (refund, credit, gift…) without an apology. */
  | 'PERKS_ONLY'
  /** Resolved within policy (out_of_policy not true). */
  | 'WITHIN_POLICY';

/** The review of an out-of-policy decision: PENDING until a supervisor marks it UPHELD or CORRECTED, once. */
export type ReviewStatus =
  /** The reviewer would have decided otherwise (a coaching case). */
  | 'CORRECTED'
  /** Not reviewed yet. */
  | 'PENDING'
  /** The reviewer agrees with the decision. */
  | 'UPHELD';

/** Which scored customers to list. Unset fields do not filter; an empty list matches none. */
export type RiskFilter = {
  /** Only customers of these generations. */
  generations?: Array<Generation> | null | undefined;
  /** Only customers in these regions, exact match. */
  regions?: Array<string> | null | undefined;
  /** Only customers of these tiers. */
  tiers?: Array<Tier> | null | undefined;
};

/** What an API key or a dashboard user may read and write. */
export type Role =
  /** Reads and writes everything and manages API keys and users. */
  | 'ADMIN'
  /** Reads everything, personal data included, and may introspect the schema. */
  | 'ANALYST'
  /** A BI tool: reads everything, with personal data masked. */
  | 'BI'
  /** Reads aggregates and customer pages; personal data is masked. */
  | 'EXECUTIVE'
  /** A system that pushes records: reads aggregates and writes imports. */
  | 'INGEST'
  /** Reviews out-of-policy exceptions: reads what ANALYST reads through the API, with customers' personal data masked but agent names and review notes shown; no exports, imports, alert workflow or credentials. */
  | 'SUPERVISOR';

/** Where a self-service session started. */
export type SelfServiceEntry =
  /** Automated chat assistant. */
  | 'CHATBOT'
  /** Customer community forum. */
  | 'COMMUNITY'
  /** Frequently asked questions page. */
  | 'FAQ'
  /** Interactive voice response (phone menu). */
  | 'IVR'
  /** Knowledge base articles. */
  | 'KNOWLEDGE_BASE';

/** How a self-service session ended. */
export type SelfServiceOutcome =
  /** The customer gave up or hung up. */
  | 'ABANDONED'
  /** Handed over to an agent. */
  | 'ESCALATED'
  /** The customer found an answer (contained). */
  | 'RESOLVED';

/** Which self-service sessions to return. Unset fields do not filter; every field that is set must match. */
export type SelfServiceSessionFilter = {
  /** true: only escalated sessions that backfired (a detractor nps or a csat of 1-2 from the same customer within 7 days); false: only the others. */
  backfired?: boolean | null | undefined;
  /** Only rows of this customer (the customer id of the import). */
  customerId?: string | number | null | undefined;
  /** Only sessions that started at these entry points; an empty list matches none. */
  entries?: Array<SelfServiceEntry> | null | undefined;
  /** true: only escalated sessions whose escalation contact was resolved; false: only the others. */
  escalationResolved?: boolean | null | undefined;
  /** Only rows with startedAt at or after this instant (inclusive). */
  from?: string | null | undefined;
  /** Only rows of customers of these generations (as metric filters: the rows behind a chart's bar). */
  generations?: Array<Generation> | null | undefined;
  /** Only sessions with at least this many steps (2: the engaged sessions of the funnel). */
  minSteps?: number | null | undefined;
  /** Only sessions that ended this way; an empty list matches none. */
  outcomes?: Array<SelfServiceOutcome> | null | undefined;
  /** Only rows of customers of these regions. */
  regions?: Array<string> | null | undefined;
  /** Only rows of customers of these tiers. */
  tiers?: Array<Tier> | null | undefined;
  /** Only rows with startedAt before this instant (exclusive), so consecutive windows do not overlap. */
  to?: string | null | undefined;
  /** true: only sessions truly deflected (resolved, and no contact of the same customer within 72 hours); false: only the others. */
  trulyDeflected?: boolean | null | undefined;
};

/** How an agent's resolution of the contacts after self-service compares with everyone's, by the 95% interval. */
export type SuperAgentVerdict =
  /** The whole interval is below everyone's resolution rate. */
  | 'NEEDS_COACHING'
  /** The whole interval is above everyone's resolution rate. */
  | 'SUPER_AGENT'
  /** Fewer contacts after self-service than minSample: not ranked. */
  | 'TOO_FEW'
  /** The interval holds everyone's resolution rate: no evidence either way. */
  | 'TYPICAL';

/** Which survey responses to return. Unset fields do not filter; every field that is set must match. */
export type SurveyResponseFilter = {
  /** Only responses about these channels (responses without a channel never match); an empty list matches none. */
  channels?: Array<Channel> | null | undefined;
  /** Only responses whose comment contains this text, ignoring case (1 to 100 characters): the comments behind a word or phrase of recurringCauses. */
  commentContains?: string | null | undefined;
  /** Only rows of this customer (the customer id of the import). */
  customerId?: string | number | null | undefined;
  /** Only rows with respondedAt at or after this instant (inclusive). */
  from?: string | null | undefined;
  /** Only rows of customers of these generations (as metric filters: the rows behind a chart's bar). */
  generations?: Array<Generation> | null | undefined;
  /** Only responses scoring at most this (e.g. 6 with types [NPS]: the detractors). */
  maxScore?: number | null | undefined;
  /** Only rows of customers of these regions. */
  regions?: Array<string> | null | undefined;
  /** Only rows of customers of these tiers. */
  tiers?: Array<Tier> | null | undefined;
  /** Only rows with respondedAt before this instant (exclusive), so consecutive windows do not overlap. */
  to?: string | null | undefined;
  /** Only responses to these kinds of question; an empty list matches none. */
  types?: Array<SurveyType> | null | undefined;
};

/** Kind of survey question, which fixes the score range. */
export type SurveyType =
  /** Customer effort score, 1-7 (higher means easier). */
  | 'CES'
  /** Customer satisfaction, 1-5. */
  | 'CSAT'
  /** Net Promoter Score: likelihood to recommend, 0-10. */
  | 'NPS';

/** Service tier of a customer. */
export type Tier =
  /** Regular customer. */
  | 'STANDARD'
  /** High-value customer with priority handling. */
  | 'VIP';

/** Length of the time buckets a measure is split into. Buckets are UTC calendar periods. */
export type TimeGrain =
  /** Calendar day, from 00:00 UTC. */
  | 'DAY'
  /** Calendar month, from the 1st 00:00 UTC. */
  | 'MONTH'
  /** Calendar quarter, from January, April, July or October 1st 00:00 UTC. */
  | 'QUARTER'
  /** ISO week, from Monday 00:00 UTC. */
  | 'WEEK'
  /** Calendar year, from January 1st 00:00 UTC. */
  | 'YEAR';

export type AcknowledgeAlertMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { id: string, status: AlertStatus, acknowledgedAt: string | null, overdue: boolean } };

export type AddAlertNoteMutationVariables = Exact<{
  id: string | number;
  text: string;
}>;


export type AddAlertNoteMutation = { addAlertNote: { id: string } };

export type AgentScorecardsQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  minSample?: number | null | undefined;
}>;


export type AgentScorecardsQuery = { teams: Array<{ agentId: string | null, agentName: string | null, team: string | null, agents: number, contacts: number, contactsTooFew: boolean, fcrRate: number | null, repeatContactRate: number | null, escalationRate: number | null, avgHandleSeconds: number | null, avgWaitSeconds: number | null, nps: number | null, npsResponses: number, npsTooFew: boolean, avgCsat: number | null, csatResponses: number, csatTooFew: boolean, recoveries: number, apologies: number, recompenseCost: number, recoveryResolvedRate: number | null, recoveryChurnRate: number | null, recoveryNpsAfter: number | null, recoveryNpsResponsesAfter: number, outOfPolicy: number, peerApproved: number, channels: Array<{ channel: Channel, contacts: number }> }>, agents: Array<{ agentId: string | null, agentName: string | null, team: string | null, agents: number, contacts: number, contactsTooFew: boolean, fcrRate: number | null, repeatContactRate: number | null, escalationRate: number | null, avgHandleSeconds: number | null, avgWaitSeconds: number | null, nps: number | null, npsResponses: number, npsTooFew: boolean, avgCsat: number | null, csatResponses: number, csatTooFew: boolean, recoveries: number, apologies: number, recompenseCost: number, recoveryResolvedRate: number | null, recoveryChurnRate: number | null, recoveryNpsAfter: number | null, recoveryNpsResponsesAfter: number, outOfPolicy: number, peerApproved: number, channels: Array<{ channel: Channel, contacts: number }> }> };

export type ScorecardFragment = { agentId: string | null, agentName: string | null, team: string | null, agents: number, contacts: number, contactsTooFew: boolean, fcrRate: number | null, repeatContactRate: number | null, escalationRate: number | null, avgHandleSeconds: number | null, avgWaitSeconds: number | null, nps: number | null, npsResponses: number, npsTooFew: boolean, avgCsat: number | null, csatResponses: number, csatTooFew: boolean, recoveries: number, apologies: number, recompenseCost: number, recoveryResolvedRate: number | null, recoveryChurnRate: number | null, recoveryNpsAfter: number | null, recoveryNpsResponsesAfter: number, outOfPolicy: number, peerApproved: number, channels: Array<{ channel: Channel, contacts: number }> };

export type AlertCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertCountsQuery = { alertCounts: { unresolved: number, open: number, overdue: number } };

export type AlertPerformanceQueryVariables = Exact<{
  window?: AlertWindow | null | undefined;
}>;


export type AlertPerformanceQuery = { alertMeasures: Array<{ rule: AlertRule | null, tier: Tier | null, alerts: number, acknowledged: number, resolved: number, resolvedWithinSla: number, meanHoursToAcknowledge: number | null, medianHoursToAcknowledge: number | null, meanHoursToResolve: number | null, medianHoursToResolve: number | null, resolvedWithinSlaRate: number | null }> };

export type AssignAlertMutationVariables = Exact<{
  id: string | number;
  owner: string;
}>;


export type AssignAlertMutation = { assignAlert: { id: string, owner: string | null } };

export type ChannelMeasuresQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
}>;


export type ChannelMeasuresQuery = { metrics: Array<{ channel: Channel | null, nps: number | null, npsResponses: number | null, promotersPct: number | null, detractorsPct: number | null, avgCsat: number | null, csatTop2Pct: number | null, csatResponses: number | null, avgCes: number | null, cesResponses: number | null, contacts: number | null, fcrRate: number | null, repeatContactRate: number | null, escalationRate: number | null, avgWaitSeconds: number | null, avgHandleSeconds: number | null }> };

export type ChannelSatisfactionQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  grain?: TimeGrain | null | undefined;
}>;


export type ChannelSatisfactionQuery = { channelSatisfaction: Array<{ channel: Channel, nps: number | null, npsMarginOfError: number | null, npsResponses: number | null, avgCsat: number | null, csatResponses: number | null, avgCes: number | null, contacts: number | null, fcrRate: number | null, avgWaitSeconds: number | null, trend: Array<{ period: string, nps: number | null, npsResponses: number | null, avgCsat: number | null, csatResponses: number | null, avgCes: number | null, contacts: number | null }> }> };

export type ChurnRiskQueryVariables = Exact<{
  filter?: RiskFilter | null | undefined;
  segment?: MetricFilter | null | undefined;
  minScore?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ChurnRiskQuery = { churnRisk: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ score: number, previousScore: number | null, scoredAt: string, lifetimeValue: number | null, drivers: Array<{ feature: string, label: string, points: number }>, customer: { id: string, tier: Tier | null, generation: Generation | null }, lastContact: { id: string, startedAt: string, channel: Channel, reason: string | null } | null, whyNow: Array<{ at: string, label: string }>, nextStep: { action: NextStepAction, text: string, reason: string } }> }, riskModel: { version: string, trainedAt: string, snapshots: number, auc: number | null, aucLower: number | null, aucUpper: number | null, npsBaselineAuc: number | null, contactsBaselineAuc: number | null, topDecileFraction: number | null, brierScore: number | null, trainingCustomers: number, heldOutCustomers: number, heldOutChurners: number, calibrationMaxGap: number | null, calibrationMisses: number | null, calibration: Array<{ customers: number, distinctCustomers: number | null, avgPredicted: number, observedFraction: number, observedLower: number | null, observedUpper: number | null }> } | null, atRisk: Array<{ revenueAtRisk: number | null }> };

export type ClearLiveAgentPreferenceMutationVariables = Exact<{
  customerId: string | number;
}>;


export type ClearLiveAgentPreferenceMutation = { clearLiveAgentPreference: { skipSelfService: boolean } };

export type ContactsPageQueryVariables = Exact<{
  first?: number;
  after?: string | null | undefined;
  updatedSince?: string | null | undefined;
}>;


export type ContactsPageQuery = { contacts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, customerId: string, channel: Channel, reason: string | null, queue: string | null, agentId: string | null, startedAt: string, waitSeconds: number | null, handleSeconds: number | null, transfers: number | null, resolved: boolean | null, firstContactResolution: boolean | null, escalated: boolean | null, updatedAt: string }> } };

export type CustomerCareQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerCareQuery = { customer: { id: string, risk: { score: number, previousScore: number | null, scoredAt: string, modelVersion: string, drivers: Array<{ feature: string, label: string, points: number }> } | null, alerts: Array<{ id: string, rule: AlertRule, status: AlertStatus, triggeredAt: string, openedAt: string, dueAt: string, overdue: boolean, resolvedAt: string | null, historyCount: number, history: Array<{ at: string, action: AlertAction, status: AlertStatus, actorName: string, text: string | null }> }> } | null, routingAdvice: { skipSelfService: boolean, reason: string | null, note: string | null, since: string | null, source: PreferenceSource | null } };

export type CustomerHistoryQueryVariables = Exact<{
  id: string | number;
  last?: number | null | undefined;
}>;


export type CustomerHistoryQuery = { customer: { id: string, name: string | null, email: string | null, generation: Generation | null, region: string | null, tier: Tier | null, lifetimeValue: number | null, signupDate: string, churnedAt: string | null, timeline: Array<
      | { __typename: 'Contact', id: string, channel: Channel, reason: string | null, startedAt: string, waitSeconds: number | null, handleSeconds: number | null, resolved: boolean | null, escalated: boolean | null, agentId: string | null, outOfPolicy: boolean | null, peerApproved: boolean | null, approvedBy: string | null, agent: { id: string, name: string | null, team: string | null } | null, approver: { id: string, name: string | null } | null }
      | { __typename: 'SelfServiceSession', id: string, entry: SelfServiceEntry, startedAt: string, steps: number | null, outcome: SelfServiceOutcome }
      | { __typename: 'SurveyResponse', id: string, type: SurveyType, score: number, comment: string | null, respondedAt: string, aboutChannel: Channel | null }
    > } | null };

export type DashboardContextQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardContextQuery = { viewer: { name: string, role: Role, mutations: Array<string> }, measureCatalogue: { minimumSample: number, currency: string, measures: Array<{ name: string, label: string, unit: MeasureUnit, decimals: number, goodDirection: GoodDirection, sampleNoun: string | null, sampleField: string | null, minimumSample: number | null, tooFewLabel: string | null }> } };

export type DeflectionFunnelQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
}>;


export type DeflectionFunnelQuery = { deflectionFunnel: Array<{ entry: SelfServiceEntry | null, sessions: number, engagedSessions: number, resolvedSessions: number, trulyDeflectedSessions: number, abandonedSessions: number, escalatedSessions: number, escalationResolvedSessions: number, backfiredSessions: number, deflectionRate: number | null, trueDeflectionRate: number | null, selfServiceEscalationRate: number | null, backfireRate: number | null, npsAfterEscalation: number | null, npsResponsesAfterEscalation: number, csatAfterEscalation: number | null, csatResponsesAfterEscalation: number }> };

export type DrillAtRiskQueryVariables = Exact<{
  filter?: RiskFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DrillAtRiskQuery = { churnRisk: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ score: number, lifetimeValue: number | null, customer: { id: string, generation: Generation | null, tier: Tier | null, region: string | null } }> } };

export type DrillContactsQueryVariables = Exact<{
  filter?: ContactFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DrillContactsQuery = { contacts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, customerId: string, channel: Channel, reason: string | null, startedAt: string, waitSeconds: number | null, handleSeconds: number | null, resolved: boolean | null, firstContactResolution: boolean | null, escalated: boolean | null }> } };

export type DrillCustomersQueryVariables = Exact<{
  filter?: CustomerFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DrillCustomersQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, generation: Generation | null, tier: Tier | null, region: string | null, signupDate: string, churnedAt: string | null, lifetimeValue: number | null }> } };

export type DrillResponsesQueryVariables = Exact<{
  filter?: SurveyResponseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DrillResponsesQuery = { surveyResponses: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, customerId: string, type: SurveyType, score: number, channel: Channel | null, respondedAt: string, comment: string | null }> } };

export type DrillSessionsQueryVariables = Exact<{
  filter?: SelfServiceSessionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DrillSessionsQuery = { selfServiceSessions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, customerId: string, entry: SelfServiceEntry, outcome: SelfServiceOutcome, startedAt: string, steps: number | null }> } };

export type ExceptionReviewQueryVariables = Exact<{
  window?: ExceptionFilter | null | undefined;
  filter?: ExceptionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExceptionReviewQuery = { exceptionReport: { exceptions: number, peerApproved: number, peerApprovedPct: number | null, reviewed: number, upheld: number, corrected: number, upheldRate: number | null, correctedRate: number | null, peerApprovedCorrectedRate: number | null, outOfPolicy: { contacts: number, resolvedRate: number | null, repeatContactRate: number | null, churnRate: number | null, recompenseCost: number, avgRecompense: number | null }, withinPolicyRecoveries: { contacts: number, resolvedRate: number | null, repeatContactRate: number | null, churnRate: number | null, recompenseCost: number, avgRecompense: number | null } }, exceptions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ contactId: string, customerId: string, startedAt: string, channel: Channel, reason: string | null, agentId: string | null, agentName: string | null, team: string | null, peerApproved: boolean, approvedBy: string | null, apology: boolean | null, recompenseType: string | null, recompenseValue: number | null, resolved: boolean | null, nextScoreType: SurveyType | null, nextScore: number | null, repeatContact: boolean, churnedWithin90Days: boolean, reviewStatus: ReviewStatus, approver: { name: string | null, team: string | null } | null, review: { status: ReviewStatus, note: string | null, reviewedAt: string, reviewerName: string | null, reviewerKind: ActorKind } | null }> } };

export type ExceptionOutcomeFragment = { contacts: number, resolvedRate: number | null, repeatContactRate: number | null, churnRate: number | null, recompenseCost: number, avgRecompense: number | null };

export type ReviewedExceptionFragment = { contactId: string, customerId: string, startedAt: string, channel: Channel, reason: string | null, agentId: string | null, agentName: string | null, team: string | null, peerApproved: boolean, approvedBy: string | null, apology: boolean | null, recompenseType: string | null, recompenseValue: number | null, resolved: boolean | null, nextScoreType: SurveyType | null, nextScore: number | null, repeatContact: boolean, churnedWithin90Days: boolean, reviewStatus: ReviewStatus, approver: { name: string | null, team: string | null } | null, review: { status: ReviewStatus, note: string | null, reviewedAt: string, reviewerName: string | null, reviewerKind: ActorKind } | null };

export type FilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type FilterOptionsQuery = { metrics: Array<{ region: string | null, contacts: number | null }> };

export type IngestBacklogQueryVariables = Exact<{ [key: string]: never; }>;


export type IngestBacklogQuery = { ingestBacklog: { pendingBatches: number, pendingRows: number, lagSeconds: number, lastAppliedAt: string | null } };

export type IngestContactsMutationVariables = Exact<{
  rows: Array<ContactRowInput> | ContactRowInput;
  apply?: IngestApply | null | undefined;
}>;


export type IngestContactsMutation = { ingestContacts: { inserted: number, updated: number, unchanged: number, queued: number, batchId: string | null, problemCount: number, problems: Array<{ row: number, field: string, value: string | null, expected: string, message: string }> } };

export type LiveAgentPreferencesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LiveAgentPreferencesQuery = { liveAgentPreferences: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ customerId: string, reason: string, source: PreferenceSource, since: string, customer: { name: string | null, tier: Tier | null } }> } };

export type MarkLiveAgentPreferenceMutationVariables = Exact<{
  customerId: string | number;
  reason: string;
}>;


export type MarkLiveAgentPreferenceMutation = { markLiveAgentPreference: { skipSelfService: boolean } };

export type MetricsByChannelGenerationQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  grain?: TimeGrain | null | undefined;
}>;


export type MetricsByChannelGenerationQuery = { metrics: Array<{ period: string | null, channel: Channel | null, generation: Generation | null, nps: number | null, npsResponses: number | null, avgCsat: number | null, avgCes: number | null, contacts: number | null, avgHandleSeconds: number | null, fcrRate: number | null, escalationRate: number | null }> };

export type NpsCsatTrendQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  grain?: TimeGrain | null | undefined;
}>;


export type NpsCsatTrendQuery = { metrics: Array<{ period: string | null, nps: number | null, npsMarginOfError: number | null, npsResponses: number | null, avgCsat: number | null, csatResponses: number | null }> };

export type NpsTrendByGenerationQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  grain?: TimeGrain | null | undefined;
}>;


export type NpsTrendByGenerationQuery = { metrics: Array<{ period: string | null, generation: Generation | null, nps: number | null, npsMarginOfError: number | null, npsResponses: number | null }> };

export type OpenAlertsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  rules?: Array<AlertRule> | AlertRule | null | undefined;
  overdue?: boolean | null | undefined;
  tiers?: Array<Tier> | Tier | null | undefined;
  generations?: Array<Generation> | Generation | null | undefined;
  triggeredFrom?: string | null | undefined;
  triggeredTo?: string | null | undefined;
  customerId?: string | number | null | undefined;
}>;


export type OpenAlertsQuery = { alertCounts: { unresolved: number, open: number, overdue: number }, alerts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, rule: AlertRule, status: AlertStatus, tier: Tier, value: number, triggerKey: string, triggeredAt: string, openedAt: string, dueAt: string, overdue: boolean, owner: string | null, historyCount: number, customer: { id: string, name: string | null, lifetimeValue: number | null }, history: Array<{ at: string, action: AlertAction, status: AlertStatus, actorName: string, text: string | null }> }> } };

export type OverviewQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  compare?: Comparison | null | undefined;
}>;


export type OverviewQuery = { overview: { window: { from: string, to: string }, comparisonWindow: { from: string, to: string }, nps: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, avgCsat: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, csatTop2Pct: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, avgCes: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, fcrRate: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, contacts: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, avgWaitSeconds: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, deflectionRate: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, trueDeflectionRate: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, backfireRate: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, womReach: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, churnRate: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null }, revenueAtRisk: { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null } } };

export type KpiComparisonFieldsFragment = { current: number | null, previous: number | null, delta: number | null, deltaPct: number | null, marginOfError: number | null, sampleSize: number | null, previousSampleSize: number | null, significant: boolean | null, pValue: number | null };

export type RecordCustomerContactMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type RecordCustomerContactMutation = { recordCustomerContact: { id: string, status: AlertStatus, customerContactedAt: string | null, overdue: boolean } };

export type RecoveryEffectivenessQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  grain?: TimeGrain | null | undefined;
}>;


export type RecoveryEffectivenessQuery = { recoveryEffectiveness: { byRecovery: Array<{ group: RecoveryGroup, contacts: number, resolvedRate: number | null, npsAfter: number | null, npsResponsesAfter: number, csatAfter: number | null, csatResponsesAfter: number, churnRateAfter: number | null, recompensed: number, recompenseCost: number, avgRecompense: number | null }>, byPolicy: Array<{ group: RecoveryGroup, contacts: number, resolvedRate: number | null, npsAfter: number | null, npsResponsesAfter: number, csatAfter: number | null, csatResponsesAfter: number, churnRateAfter: number | null, recompensed: number, recompenseCost: number, avgRecompense: number | null }>, trend: { grain: TimeGrain, points: Array<{ period: string, periodEnd: string, partial: boolean, byRecovery: Array<{ group: RecoveryGroup, contacts: number, npsAfter: number | null, npsResponsesAfter: number, churnRateAfter: number | null }> }> } } };

export type OutcomeFragment = { group: RecoveryGroup, contacts: number, resolvedRate: number | null, npsAfter: number | null, npsResponsesAfter: number, csatAfter: number | null, csatResponsesAfter: number, churnRateAfter: number | null, recompensed: number, recompenseCost: number, avgRecompense: number | null };

export type ResolveAlertMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type ResolveAlertMutation = { resolveAlert: { id: string, status: AlertStatus, resolvedAt: string | null, overdue: boolean } };

export type ReviewExceptionMutationVariables = Exact<{
  contactId: string | number;
  status: ReviewStatus;
  note: string;
}>;


export type ReviewExceptionMutation = { reviewException: { contactId: string, reviewStatus: ReviewStatus } };

export type RiskBySegmentQueryVariables = Exact<{
  filter: MetricFilter;
  segment?: RiskFilter | null | undefined;
  historyFrom: string;
  historyTo: string;
}>;


export type RiskBySegmentQuery = { total: Array<{ churnRate: number | null, revenueAtRisk: number | null }>, byGeneration: Array<{ generation: Generation | null, churnRate: number | null, revenueAtRisk: number | null }>, byTier: Array<{ tier: Tier | null, churnRate: number | null, revenueAtRisk: number | null }>, history: Array<{ day: string, expectedLoss: number, scoredCustomers: number, atRiskCustomers: number, atRiskValue: number, threshold: number }> };

export type SegmentPreferencesQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  generations?: Array<Generation> | Generation | null | undefined;
}>;


export type SegmentPreferencesQuery = { segmentPreferences: Array<{ generation: Generation, interactingCustomers: number, selfServiceAdoptionPct: number | null, liveAgentPreferencePct: number | null, selfServiceSharePct: number | null, nps: number | null, npsResponses: number | null, avgCsat: number | null, csatResponses: number | null, contacts: number | null, selfServiceSessions: number | null, deflectionRate: number | null, backfireRate: number | null, churnRate: number | null, channels: Array<{ channel: Channel, contactSharePct: number | null, contacts: number | null, nps: number | null, npsResponses: number | null, avgCsat: number | null, csatResponses: number | null, avgCes: number | null }> }> };

export type SuperAgentsQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  minSample?: number | null | undefined;
}>;


export type SuperAgentsQuery = { teamRanking: { contacts: number, resolutionRate: number | null, minSample: number, rows: Array<{ agentId: string | null, agentName: string | null, team: string | null, contacts: number, resolved: number, resolutionRate: number | null, resolutionLow: number | null, resolutionHigh: number | null, rank: number | null, verdict: SuperAgentVerdict, npsAfter: number | null, npsResponsesAfter: number, csatAfter: number | null, csatResponsesAfter: number, churnRateAfter: number | null }> }, agentRanking: { contacts: number, resolutionRate: number | null, minSample: number, rows: Array<{ agentId: string | null, agentName: string | null, team: string | null, contacts: number, resolved: number, resolutionRate: number | null, resolutionLow: number | null, resolutionHigh: number | null, rank: number | null, verdict: SuperAgentVerdict, npsAfter: number | null, npsResponsesAfter: number, csatAfter: number | null, csatResponsesAfter: number, churnRateAfter: number | null }> } };

export type RankingFragment = { contacts: number, resolutionRate: number | null, minSample: number, rows: Array<{ agentId: string | null, agentName: string | null, team: string | null, contacts: number, resolved: number, resolutionRate: number | null, resolutionLow: number | null, resolutionHigh: number | null, rank: number | null, verdict: SuperAgentVerdict, npsAfter: number | null, npsResponsesAfter: number, csatAfter: number | null, csatResponsesAfter: number, churnRateAfter: number | null }> };

export type VoiceOfCustomerQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  grain?: TimeGrain | null | undefined;
  top?: number | null | undefined;
}>;


export type VoiceOfCustomerQuery = { recurringCauses: { detractorComments: number, commentsAnalysed: number, reasons: Array<{ reason: string | null, contacts: number, contactSharePct: number, repeatContactRate: number | null, fcrRate: number | null, trend: Array<{ period: string, contacts: number }> }>, detractorWords: Array<{ term: string, comments: number, commentSharePct: number }> | null, detractorPhrases: Array<{ term: string, comments: number, commentSharePct: number }> | null } };

export type WomReachTrendQueryVariables = Exact<{
  filter?: MetricFilter | null | undefined;
  grain?: TimeGrain | null | undefined;
}>;


export type WomReachTrendQuery = { metrics: Array<{ period: string | null, womReach: number | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ScorecardFragmentDoc = new TypedDocumentString(`
    fragment Scorecard on AgentScorecard {
  agentId
  agentName
  team
  agents
  contacts
  contactsTooFew
  channels {
    channel
    contacts
  }
  fcrRate
  repeatContactRate
  escalationRate
  avgHandleSeconds
  avgWaitSeconds
  nps
  npsResponses
  npsTooFew
  avgCsat
  csatResponses
  csatTooFew
  recoveries
  apologies
  recompenseCost
  recoveryResolvedRate
  recoveryChurnRate
  recoveryNpsAfter
  recoveryNpsResponsesAfter
  outOfPolicy
  peerApproved
}
    `, {"fragmentName":"Scorecard"}) as unknown as TypedDocumentString<ScorecardFragment, unknown>;
export const ExceptionOutcomeFragmentDoc = new TypedDocumentString(`
    fragment ExceptionOutcome on ExceptionOutcomes {
  contacts
  resolvedRate
  repeatContactRate
  churnRate
  recompenseCost
  avgRecompense
}
    `, {"fragmentName":"ExceptionOutcome"}) as unknown as TypedDocumentString<ExceptionOutcomeFragment, unknown>;
export const ReviewedExceptionFragmentDoc = new TypedDocumentString(`
    fragment ReviewedException on PolicyException {
  contactId
  customerId
  startedAt
  channel
  reason
  agentId
  agentName
  team
  peerApproved
  approvedBy
  approver {
    name
    team
  }
  apology
  recompenseType
  recompenseValue
  resolved
  nextScoreType
  nextScore
  repeatContact
  churnedWithin90Days
  reviewStatus
  review {
    status
    note
    reviewedAt
    reviewerName
    reviewerKind
  }
}
    `, {"fragmentName":"ReviewedException"}) as unknown as TypedDocumentString<ReviewedExceptionFragment, unknown>;
export const KpiComparisonFieldsFragmentDoc = new TypedDocumentString(`
    fragment KpiComparisonFields on KpiComparison {
  current
  previous
  delta
  deltaPct
  marginOfError
  sampleSize
  previousSampleSize
  significant
  pValue
}
    `, {"fragmentName":"KpiComparisonFields"}) as unknown as TypedDocumentString<KpiComparisonFieldsFragment, unknown>;
export const OutcomeFragmentDoc = new TypedDocumentString(`
    fragment Outcome on RecoveryOutcome {
  group
  contacts
  resolvedRate
  npsAfter
  npsResponsesAfter
  csatAfter
  csatResponsesAfter
  churnRateAfter
  recompensed
  recompenseCost
  avgRecompense
}
    `, {"fragmentName":"Outcome"}) as unknown as TypedDocumentString<OutcomeFragment, unknown>;
export const RankingFragmentDoc = new TypedDocumentString(`
    fragment Ranking on SuperAgentRanking {
  contacts
  resolutionRate
  minSample
  rows {
    agentId
    agentName
    team
    contacts
    resolved
    resolutionRate
    resolutionLow
    resolutionHigh
    rank
    verdict
    npsAfter
    npsResponsesAfter
    csatAfter
    csatResponsesAfter
    churnRateAfter
  }
}
    `, {"fragmentName":"Ranking"}) as unknown as TypedDocumentString<RankingFragment, unknown>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AcknowledgeAlert($id: ID!, $note: String) {
  acknowledgeAlert(id: $id, note: $note) {
    id
    status
    acknowledgedAt
    overdue
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const AddAlertNoteDocument = new TypedDocumentString(`
    mutation AddAlertNote($id: ID!, $text: String!) {
  addAlertNote(id: $id, text: $text) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddAlertNoteMutation, AddAlertNoteMutationVariables>;
export const AgentScorecardsDocument = new TypedDocumentString(`
    query AgentScorecards($filter: MetricFilter, $minSample: Int = 30) {
  teams: agentScorecards(filter: $filter, by: TEAM, minSample: $minSample) {
    ...Scorecard
  }
  agents: agentScorecards(filter: $filter, by: AGENT, minSample: $minSample) {
    ...Scorecard
  }
}
    fragment Scorecard on AgentScorecard {
  agentId
  agentName
  team
  agents
  contacts
  contactsTooFew
  channels {
    channel
    contacts
  }
  fcrRate
  repeatContactRate
  escalationRate
  avgHandleSeconds
  avgWaitSeconds
  nps
  npsResponses
  npsTooFew
  avgCsat
  csatResponses
  csatTooFew
  recoveries
  apologies
  recompenseCost
  recoveryResolvedRate
  recoveryChurnRate
  recoveryNpsAfter
  recoveryNpsResponsesAfter
  outOfPolicy
  peerApproved
}`) as unknown as TypedDocumentString<AgentScorecardsQuery, AgentScorecardsQueryVariables>;
export const AlertCountsDocument = new TypedDocumentString(`
    query AlertCounts {
  alertCounts {
    unresolved
    open
    overdue
  }
}
    `) as unknown as TypedDocumentString<AlertCountsQuery, AlertCountsQueryVariables>;
export const AlertPerformanceDocument = new TypedDocumentString(`
    query AlertPerformance($window: AlertWindow) {
  alertMeasures(filter: $window, dimensions: [RULE, TIER]) {
    rule
    tier
    alerts
    acknowledged
    resolved
    resolvedWithinSla
    meanHoursToAcknowledge
    medianHoursToAcknowledge
    meanHoursToResolve
    medianHoursToResolve
    resolvedWithinSlaRate
  }
}
    `) as unknown as TypedDocumentString<AlertPerformanceQuery, AlertPerformanceQueryVariables>;
export const AssignAlertDocument = new TypedDocumentString(`
    mutation AssignAlert($id: ID!, $owner: String!) {
  assignAlert(id: $id, owner: $owner) {
    id
    owner
  }
}
    `) as unknown as TypedDocumentString<AssignAlertMutation, AssignAlertMutationVariables>;
export const ChannelMeasuresDocument = new TypedDocumentString(`
    query ChannelMeasures($filter: MetricFilter) {
  metrics(dimensions: [CHANNEL], filter: $filter) {
    channel
    nps
    npsResponses
    promotersPct
    detractorsPct
    avgCsat
    csatTop2Pct
    csatResponses
    avgCes
    cesResponses
    contacts
    fcrRate
    repeatContactRate
    escalationRate
    avgWaitSeconds
    avgHandleSeconds
  }
}
    `) as unknown as TypedDocumentString<ChannelMeasuresQuery, ChannelMeasuresQueryVariables>;
export const ChannelSatisfactionDocument = new TypedDocumentString(`
    query ChannelSatisfaction($filter: MetricFilter, $grain: TimeGrain = MONTH) {
  channelSatisfaction(filter: $filter, grain: $grain) {
    channel
    nps
    npsMarginOfError
    npsResponses
    avgCsat
    csatResponses
    avgCes
    contacts
    fcrRate
    avgWaitSeconds
    trend {
      period
      nps
      npsResponses
      avgCsat
      csatResponses
      avgCes
      contacts
    }
  }
}
    `) as unknown as TypedDocumentString<ChannelSatisfactionQuery, ChannelSatisfactionQueryVariables>;
export const ChurnRiskDocument = new TypedDocumentString(`
    query ChurnRisk($filter: RiskFilter, $segment: MetricFilter, $minScore: Int = 70, $first: Int = 50, $after: String) {
  churnRisk(
    filter: $filter
    minScore: $minScore
    first: $first
    after: $after
    orderBy: SCORE_DESC
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      score
      previousScore
      scoredAt
      lifetimeValue
      drivers {
        feature
        label
        points
      }
      customer {
        id
        tier
        generation
      }
      lastContact {
        id
        startedAt
        channel
        reason
      }
      whyNow {
        at
        label
      }
      nextStep {
        action
        text
        reason
      }
    }
  }
  riskModel {
    version
    trainedAt
    snapshots
    auc
    aucLower
    aucUpper
    npsBaselineAuc
    contactsBaselineAuc
    topDecileFraction
    brierScore
    trainingCustomers
    heldOutCustomers
    heldOutChurners
    calibration {
      customers
      distinctCustomers
      avgPredicted
      observedFraction
      observedLower
      observedUpper
    }
    calibrationMaxGap
    calibrationMisses
  }
  atRisk: metrics(filter: $segment) {
    revenueAtRisk
  }
}
    `) as unknown as TypedDocumentString<ChurnRiskQuery, ChurnRiskQueryVariables>;
export const ClearLiveAgentPreferenceDocument = new TypedDocumentString(`
    mutation ClearLiveAgentPreference($customerId: ID!) {
  clearLiveAgentPreference(customerId: $customerId) {
    skipSelfService
  }
}
    `) as unknown as TypedDocumentString<ClearLiveAgentPreferenceMutation, ClearLiveAgentPreferenceMutationVariables>;
export const ContactsPageDocument = new TypedDocumentString(`
    query ContactsPage($first: Int! = 1000, $after: String, $updatedSince: DateTime) {
  contacts(first: $first, after: $after, updatedSince: $updatedSince) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      customerId
      channel
      reason
      queue
      agentId
      startedAt
      waitSeconds
      handleSeconds
      transfers
      resolved
      firstContactResolution
      escalated
      updatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ContactsPageQuery, ContactsPageQueryVariables>;
export const CustomerCareDocument = new TypedDocumentString(`
    query CustomerCare($id: ID!) {
  customer(id: $id) {
    id
    risk {
      score
      previousScore
      scoredAt
      modelVersion
      drivers {
        feature
        label
        points
      }
    }
    alerts {
      id
      rule
      status
      triggeredAt
      openedAt
      dueAt
      overdue
      resolvedAt
      history {
        at
        action
        status
        actorName
        text
      }
      historyCount
    }
  }
  routingAdvice(customerId: $id) {
    skipSelfService
    reason
    note
    since
    source
  }
}
    `) as unknown as TypedDocumentString<CustomerCareQuery, CustomerCareQueryVariables>;
export const CustomerHistoryDocument = new TypedDocumentString(`
    query CustomerHistory($id: ID!, $last: Int) {
  customer(id: $id) {
    id
    name
    email
    generation
    region
    tier
    lifetimeValue
    signupDate
    churnedAt
    timeline(last: $last) {
      __typename
      ... on SurveyResponse {
        id
        type
        score
        comment
        aboutChannel: channel
        respondedAt
      }
      ... on Contact {
        id
        channel
        reason
        startedAt
        waitSeconds
        handleSeconds
        resolved
        escalated
        agentId
        agent {
          id
          name
          team
        }
        outOfPolicy
        peerApproved
        approvedBy
        approver {
          id
          name
        }
      }
      ... on SelfServiceSession {
        id
        entry
        startedAt
        steps
        outcome
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerHistoryQuery, CustomerHistoryQueryVariables>;
export const DashboardContextDocument = new TypedDocumentString(`
    query DashboardContext {
  viewer {
    name
    role
    mutations
  }
  measureCatalogue {
    minimumSample
    currency
    measures {
      name
      label
      unit
      decimals
      goodDirection
      sampleNoun
      sampleField
      minimumSample
      tooFewLabel
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardContextQuery, DashboardContextQueryVariables>;
export const DeflectionFunnelDocument = new TypedDocumentString(`
    query DeflectionFunnel($filter: MetricFilter) {
  deflectionFunnel(filter: $filter) {
    entry
    sessions
    engagedSessions
    resolvedSessions
    trulyDeflectedSessions
    abandonedSessions
    escalatedSessions
    escalationResolvedSessions
    backfiredSessions
    deflectionRate
    trueDeflectionRate
    selfServiceEscalationRate
    backfireRate
    npsAfterEscalation
    npsResponsesAfterEscalation
    csatAfterEscalation
    csatResponsesAfterEscalation
  }
}
    `) as unknown as TypedDocumentString<DeflectionFunnelQuery, DeflectionFunnelQueryVariables>;
export const DrillAtRiskDocument = new TypedDocumentString(`
    query DrillAtRisk($filter: RiskFilter, $first: Int = 50, $after: String) {
  churnRisk(
    filter: $filter
    minScore: 0
    first: $first
    after: $after
    orderBy: SCORE_DESC
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      score
      lifetimeValue
      customer {
        id
        generation
        tier
        region
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DrillAtRiskQuery, DrillAtRiskQueryVariables>;
export const DrillContactsDocument = new TypedDocumentString(`
    query DrillContacts($filter: ContactFilter, $first: Int = 50, $after: String) {
  contacts(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      customerId
      channel
      reason
      startedAt
      waitSeconds
      handleSeconds
      resolved
      firstContactResolution
      escalated
    }
  }
}
    `) as unknown as TypedDocumentString<DrillContactsQuery, DrillContactsQueryVariables>;
export const DrillCustomersDocument = new TypedDocumentString(`
    query DrillCustomers($filter: CustomerFilter, $first: Int = 50, $after: String) {
  customers(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      generation
      tier
      region
      signupDate
      churnedAt
      lifetimeValue
    }
  }
}
    `) as unknown as TypedDocumentString<DrillCustomersQuery, DrillCustomersQueryVariables>;
export const DrillResponsesDocument = new TypedDocumentString(`
    query DrillResponses($filter: SurveyResponseFilter, $first: Int = 50, $after: String) {
  surveyResponses(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      customerId
      type
      score
      channel
      respondedAt
      comment
    }
  }
}
    `) as unknown as TypedDocumentString<DrillResponsesQuery, DrillResponsesQueryVariables>;
export const DrillSessionsDocument = new TypedDocumentString(`
    query DrillSessions($filter: SelfServiceSessionFilter, $first: Int = 50, $after: String) {
  selfServiceSessions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      customerId
      entry
      outcome
      startedAt
      steps
    }
  }
}
    `) as unknown as TypedDocumentString<DrillSessionsQuery, DrillSessionsQueryVariables>;
export const ExceptionReviewDocument = new TypedDocumentString(`
    query ExceptionReview($window: ExceptionFilter, $filter: ExceptionFilter, $first: Int = 25, $after: String) {
  exceptionReport(filter: $window) {
    exceptions
    peerApproved
    peerApprovedPct
    reviewed
    upheld
    corrected
    upheldRate
    correctedRate
    peerApprovedCorrectedRate
    outOfPolicy {
      ...ExceptionOutcome
    }
    withinPolicyRecoveries {
      ...ExceptionOutcome
    }
  }
  exceptions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ReviewedException
    }
  }
}
    fragment ExceptionOutcome on ExceptionOutcomes {
  contacts
  resolvedRate
  repeatContactRate
  churnRate
  recompenseCost
  avgRecompense
}
fragment ReviewedException on PolicyException {
  contactId
  customerId
  startedAt
  channel
  reason
  agentId
  agentName
  team
  peerApproved
  approvedBy
  approver {
    name
    team
  }
  apology
  recompenseType
  recompenseValue
  resolved
  nextScoreType
  nextScore
  repeatContact
  churnedWithin90Days
  reviewStatus
  review {
    status
    note
    reviewedAt
    reviewerName
    reviewerKind
  }
}`) as unknown as TypedDocumentString<ExceptionReviewQuery, ExceptionReviewQueryVariables>;
export const FilterOptionsDocument = new TypedDocumentString(`
    query FilterOptions {
  metrics(dimensions: [REGION]) {
    region
    contacts
  }
}
    `) as unknown as TypedDocumentString<FilterOptionsQuery, FilterOptionsQueryVariables>;
export const IngestBacklogDocument = new TypedDocumentString(`
    query IngestBacklog {
  ingestBacklog {
    pendingBatches
    pendingRows
    lagSeconds
    lastAppliedAt
  }
}
    `) as unknown as TypedDocumentString<IngestBacklogQuery, IngestBacklogQueryVariables>;
export const IngestContactsDocument = new TypedDocumentString(`
    mutation IngestContacts($rows: [ContactRowInput!]!, $apply: IngestApply = NOW) {
  ingestContacts(rows: $rows, apply: $apply) {
    inserted
    updated
    unchanged
    queued
    batchId
    problemCount
    problems {
      row
      field
      value
      expected
      message
    }
  }
}
    `) as unknown as TypedDocumentString<IngestContactsMutation, IngestContactsMutationVariables>;
export const LiveAgentPreferencesDocument = new TypedDocumentString(`
    query LiveAgentPreferences($first: Int = 25, $after: String) {
  liveAgentPreferences(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      customerId
      reason
      source
      since
      customer {
        name
        tier
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LiveAgentPreferencesQuery, LiveAgentPreferencesQueryVariables>;
export const MarkLiveAgentPreferenceDocument = new TypedDocumentString(`
    mutation MarkLiveAgentPreference($customerId: ID!, $reason: String!) {
  markLiveAgentPreference(customerId: $customerId, reason: $reason) {
    skipSelfService
  }
}
    `) as unknown as TypedDocumentString<MarkLiveAgentPreferenceMutation, MarkLiveAgentPreferenceMutationVariables>;
export const MetricsByChannelGenerationDocument = new TypedDocumentString(`
    query MetricsByChannelGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {
  metrics(dimensions: [CHANNEL, GENERATION], grain: $grain, filter: $filter) {
    period
    channel
    generation
    nps
    npsResponses
    avgCsat
    avgCes
    contacts
    avgHandleSeconds
    fcrRate
    escalationRate
  }
}
    `) as unknown as TypedDocumentString<MetricsByChannelGenerationQuery, MetricsByChannelGenerationQueryVariables>;
export const NpsCsatTrendDocument = new TypedDocumentString(`
    query NpsCsatTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {
  metrics(grain: $grain, filter: $filter) {
    period
    nps
    npsMarginOfError
    npsResponses
    avgCsat
    csatResponses
  }
}
    `) as unknown as TypedDocumentString<NpsCsatTrendQuery, NpsCsatTrendQueryVariables>;
export const NpsTrendByGenerationDocument = new TypedDocumentString(`
    query NpsTrendByGeneration($filter: MetricFilter, $grain: TimeGrain = MONTH) {
  metrics(dimensions: [GENERATION], grain: $grain, filter: $filter) {
    period
    generation
    nps
    npsMarginOfError
    npsResponses
  }
}
    `) as unknown as TypedDocumentString<NpsTrendByGenerationQuery, NpsTrendByGenerationQueryVariables>;
export const OpenAlertsDocument = new TypedDocumentString(`
    query OpenAlerts($first: Int = 50, $after: String, $rules: [AlertRule!], $overdue: Boolean, $tiers: [Tier!], $generations: [Generation!], $triggeredFrom: DateTime, $triggeredTo: DateTime, $customerId: ID) {
  alertCounts {
    unresolved
    open
    overdue
  }
  alerts(
    first: $first
    after: $after
    filter: {statuses: [OPEN, ACKNOWLEDGED, CUSTOMER_CONTACTED], rules: $rules, overdue: $overdue, tiers: $tiers, generations: $generations, triggeredFrom: $triggeredFrom, triggeredTo: $triggeredTo, customerId: $customerId}
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      rule
      status
      tier
      value
      triggerKey
      triggeredAt
      openedAt
      dueAt
      overdue
      owner
      customer {
        id
        name
        lifetimeValue
      }
      history {
        at
        action
        status
        actorName
        text
      }
      historyCount
    }
  }
}
    `) as unknown as TypedDocumentString<OpenAlertsQuery, OpenAlertsQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview($filter: MetricFilter, $compare: Comparison = PREVIOUS_PERIOD) {
  overview(filter: $filter, compare: $compare) {
    window {
      from
      to
    }
    comparisonWindow {
      from
      to
    }
    nps {
      ...KpiComparisonFields
    }
    avgCsat {
      ...KpiComparisonFields
    }
    csatTop2Pct {
      ...KpiComparisonFields
    }
    avgCes {
      ...KpiComparisonFields
    }
    fcrRate {
      ...KpiComparisonFields
    }
    contacts {
      ...KpiComparisonFields
    }
    avgWaitSeconds {
      ...KpiComparisonFields
    }
    deflectionRate {
      ...KpiComparisonFields
    }
    trueDeflectionRate {
      ...KpiComparisonFields
    }
    backfireRate {
      ...KpiComparisonFields
    }
    womReach {
      ...KpiComparisonFields
    }
    churnRate {
      ...KpiComparisonFields
    }
    revenueAtRisk {
      ...KpiComparisonFields
    }
  }
}
    fragment KpiComparisonFields on KpiComparison {
  current
  previous
  delta
  deltaPct
  marginOfError
  sampleSize
  previousSampleSize
  significant
  pValue
}`) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const RecordCustomerContactDocument = new TypedDocumentString(`
    mutation RecordCustomerContact($id: ID!, $note: String) {
  recordCustomerContact(id: $id, note: $note) {
    id
    status
    customerContactedAt
    overdue
  }
}
    `) as unknown as TypedDocumentString<RecordCustomerContactMutation, RecordCustomerContactMutationVariables>;
export const RecoveryEffectivenessDocument = new TypedDocumentString(`
    query RecoveryEffectiveness($filter: MetricFilter, $grain: TimeGrain) {
  recoveryEffectiveness(filter: $filter) {
    byRecovery {
      ...Outcome
    }
    byPolicy {
      ...Outcome
    }
    trend(grain: $grain) {
      grain
      points {
        period
        periodEnd
        partial
        byRecovery {
          group
          contacts
          npsAfter
          npsResponsesAfter
          churnRateAfter
        }
      }
    }
  }
}
    fragment Outcome on RecoveryOutcome {
  group
  contacts
  resolvedRate
  npsAfter
  npsResponsesAfter
  csatAfter
  csatResponsesAfter
  churnRateAfter
  recompensed
  recompenseCost
  avgRecompense
}`) as unknown as TypedDocumentString<RecoveryEffectivenessQuery, RecoveryEffectivenessQueryVariables>;
export const ResolveAlertDocument = new TypedDocumentString(`
    mutation ResolveAlert($id: ID!, $note: String) {
  resolveAlert(id: $id, note: $note) {
    id
    status
    resolvedAt
    overdue
  }
}
    `) as unknown as TypedDocumentString<ResolveAlertMutation, ResolveAlertMutationVariables>;
export const ReviewExceptionDocument = new TypedDocumentString(`
    mutation ReviewException($contactId: ID!, $status: ReviewStatus!, $note: String!) {
  reviewException(contactId: $contactId, status: $status, note: $note) {
    contactId
    reviewStatus
  }
}
    `) as unknown as TypedDocumentString<ReviewExceptionMutation, ReviewExceptionMutationVariables>;
export const RiskBySegmentDocument = new TypedDocumentString(`
    query RiskBySegment($filter: MetricFilter!, $segment: RiskFilter, $historyFrom: DateTime!, $historyTo: DateTime!) {
  total: metrics(filter: $filter) {
    churnRate
    revenueAtRisk
  }
  byGeneration: metrics(dimensions: [GENERATION], filter: $filter) {
    generation
    churnRate
    revenueAtRisk
  }
  byTier: metrics(dimensions: [TIER], filter: $filter) {
    tier
    churnRate
    revenueAtRisk
  }
  history: riskHistory(from: $historyFrom, to: $historyTo, filter: $segment) {
    day
    expectedLoss
    scoredCustomers
    atRiskCustomers
    atRiskValue
    threshold
  }
}
    `) as unknown as TypedDocumentString<RiskBySegmentQuery, RiskBySegmentQueryVariables>;
export const SegmentPreferencesDocument = new TypedDocumentString(`
    query SegmentPreferences($filter: MetricFilter, $generations: [Generation!] = [BOOMER, MILLENNIAL]) {
  segmentPreferences(filter: $filter, generations: $generations) {
    generation
    interactingCustomers
    selfServiceAdoptionPct
    liveAgentPreferencePct
    selfServiceSharePct
    nps
    npsResponses
    avgCsat
    csatResponses
    contacts
    selfServiceSessions
    deflectionRate
    backfireRate
    churnRate
    channels {
      channel
      contactSharePct
      contacts
      nps
      npsResponses
      avgCsat
      csatResponses
      avgCes
    }
  }
}
    `) as unknown as TypedDocumentString<SegmentPreferencesQuery, SegmentPreferencesQueryVariables>;
export const SuperAgentsDocument = new TypedDocumentString(`
    query SuperAgents($filter: MetricFilter, $minSample: Int = 30) {
  teamRanking: superAgents(filter: $filter, by: TEAM, minSample: $minSample) {
    ...Ranking
  }
  agentRanking: superAgents(filter: $filter, by: AGENT, minSample: $minSample) {
    ...Ranking
  }
}
    fragment Ranking on SuperAgentRanking {
  contacts
  resolutionRate
  minSample
  rows {
    agentId
    agentName
    team
    contacts
    resolved
    resolutionRate
    resolutionLow
    resolutionHigh
    rank
    verdict
    npsAfter
    npsResponsesAfter
    csatAfter
    csatResponsesAfter
    churnRateAfter
  }
}`) as unknown as TypedDocumentString<SuperAgentsQuery, SuperAgentsQueryVariables>;
export const VoiceOfCustomerDocument = new TypedDocumentString(`
    query VoiceOfCustomer($filter: MetricFilter, $grain: TimeGrain = MONTH, $top: Int = 20) {
  recurringCauses(filter: $filter, grain: $grain, top: $top) {
    reasons {
      reason
      contacts
      contactSharePct
      repeatContactRate
      fcrRate
      trend {
        period
        contacts
      }
    }
    detractorComments
    commentsAnalysed
    detractorWords {
      term
      comments
      commentSharePct
    }
    detractorPhrases {
      term
      comments
      commentSharePct
    }
  }
}
    `) as unknown as TypedDocumentString<VoiceOfCustomerQuery, VoiceOfCustomerQueryVariables>;
export const WomReachTrendDocument = new TypedDocumentString(`
    query WomReachTrend($filter: MetricFilter, $grain: TimeGrain = WEEK) {
  metrics(grain: $grain, filter: $filter) {
    period
    womReach
  }
}
    `) as unknown as TypedDocumentString<WomReachTrendQuery, WomReachTrendQueryVariables>;