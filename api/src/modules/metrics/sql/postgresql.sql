-- metrics(dimensions: [CHANNEL, GENERATION], grain: MONTH) { nps avgCsat avgCes contacts fcrRate repeatContactRate }

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  date_trunc('month', r.day, 'UTC') as period,
  nullif(r.channel, '') as d0,
  nullif(r.generation, '') as d1,
  sum(r.contacts) as "contacts",
  sum(r.first_contact_resolved) as "firstContactResolved",
  sum(r.repeated_contacts) as "repeatedContacts"
from
  rollup_contacts_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and (r.contacts > 0)
group by
  1,
  2,
  3;

select
  date_trunc('month', r.day, 'UTC') as period,
  nullif(r.channel, '') as d0,
  nullif(r.generation, '') as d1,
  sum(r.nps_responses) as "npsResponses",
  sum(r.promoters) as "promoters",
  sum(r.detractors) as "detractors",
  sum(r.csat_responses) as "csatResponses",
  sum(r.csat_sum) as "csatSum",
  sum(r.ces_responses) as "cesResponses",
  sum(r.ces_sum) as "cesSum"
from
  rollup_surveys_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and (
    r.nps_responses > 0
    or r.csat_responses > 0
    or r.ces_responses > 0
  )
group by
  1,
  2,
  3;

-- metrics(dimensions: [ENTRY], grain: WEEK, filter: {tiers: [VIP]}) { deflectionRate trueDeflectionRate backfireRate }

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  date_trunc('week', r.day, 'UTC') as period,
  nullif(r.entry, '') as d0,
  sum(r.sessions) as "sessions",
  sum(r.resolved_sessions) as "resolvedSessions",
  sum(r.truly_deflected_sessions) as "trulyDeflectedSessions",
  sum(r.escalated_sessions) as "escalatedSessions",
  sum(r.backfired_sessions) as "backfiredSessions"
from
  rollup_sessions_entry_generation_tier r
where
  r.day >= $1
  and r.day < $2
  and r.tier in ($3)
  and (r.sessions > 0)
group by
  1,
  2;

-- the same two from the facts, as windows that do not start and end at midnight UTC are answered: metrics(dimensions: [CHANNEL, GENERATION], grain: MONTH) { … }; metrics(dimensions: [ENTRY], …) { … }

select
  date_trunc('month', f.responded_at, 'UTC') as period,
  f.channel as d0,
  c.generation as d1,
  sum(
    case
      when f.type = 'nps' then 1
      else 0
    end
  ) as "npsResponses",
  sum(
    case
      when f.type = 'nps'
      and f.score >= 9 then 1
      else 0
    end
  ) as "promoters",
  sum(
    case
      when f.type = 'nps'
      and f.score <= 6 then 1
      else 0
    end
  ) as "detractors",
  sum(
    case
      when f.type = 'csat' then 1
      else 0
    end
  ) as "csatResponses",
  sum(
    case
      when f.type = 'csat' then f.score
    end
  ) as "csatSum",
  sum(
    case
      when f.type = 'ces' then 1
      else 0
    end
  ) as "cesResponses",
  sum(
    case
      when f.type = 'ces' then f.score
    end
  ) as "cesSum"
from
  survey_responses f
  join customers c on c.id = f.customer_id
where
  f.responded_at >= $1
  and f.responded_at < $2
  and (
    f.type = 'nps'
    or f.type = 'csat'
    or f.type = 'ces'
  )
group by
  1,
  2,
  3;

select
  date_trunc('month', f.started_at, 'UTC') as period,
  f.channel as d0,
  c.generation as d1,
  count(*) as "contacts",
  sum(
    case
      when f.first_contact_resolution = true then 1
      else 0
    end
  ) as "firstContactResolved",
  sum(
    case
      when f.repeated = true then 1
      else 0
    end
  ) as "repeatedContacts"
from
  contacts f
  join customers c on c.id = f.customer_id
where
  f.started_at >= $1
  and f.started_at < $2
group by
  1,
  2,
  3;

select
  date_trunc('week', f.started_at, 'UTC') as period,
  f.entry as d0,
  count(*) as "sessions",
  sum(
    case
      when f.outcome = 'resolved' then 1
      else 0
    end
  ) as "resolvedSessions",
  sum(
    case
      when f.truly_deflected = true then 1
      else 0
    end
  ) as "trulyDeflectedSessions",
  sum(
    case
      when f.outcome = 'escalated' then 1
      else 0
    end
  ) as "escalatedSessions",
  sum(
    case
      when f.backfired = true then 1
      else 0
    end
  ) as "backfiredSessions"
from
  self_service_sessions f
  join customers c on c.id = f.customer_id
where
  f.started_at >= $1
  and f.started_at < $2
  and c.tier in ($3)
group by
  1,
  2;

-- metrics(dimensions: [REGION], grain: QUARTER) { womReach churnRate }

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  p.label as period,
  nullif(r.region, '') as d0,
  sum(
    case
      when r.day >= p.start_at
      and (
        p.end_at is null
        or r.day < p.end_at
      ) then r.churns
      else 0
    end
  ) as "churnedCustomers",
  sum(
    case
      when r.day < p.start_at then r.signups - r.churns
      else 0
    end
  ) as "activeCustomers"
from
  (
    select
      cast($1 as timestamptz) as label,
      cast($2 as timestamptz) as start_at,
      cast($3 as timestamptz) as end_at
    union all
    select
      cast($4 as timestamptz) as label,
      cast($5 as timestamptz) as start_at,
      cast($6 as timestamptz) as end_at
  ) p
  join rollup_customers_generation_region_tier r on (
    p.end_at is null
    or r.day < p.end_at
  )
where
  (
    r.signups > 0
    or r.churns > 0
  )
  and 1 = 1
group by
  1,
  2;

select
  period,
  d0,
  sum(reach) as "womReach",
  count(*) as "detractorCustomers"
from
  (
    select
      r.customer_id,
      date_trunc('quarter', r.day, 'UTC') as period,
      r.region as d0,
      case
        when sum(r.social_uses) > 0 then 825
        else 12
      end as reach
    from
      rollup_wom_customer_days r
    where
      r.day >= $1
      and r.day < $2
    group by
      1,
      2,
      3
    having
      sum(r.detractor_responses) > 0
  ) detractors
group by
  1,
  2;

-- overview(compare: PREVIOUS_YEAR)

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  day,
  scored_customers as "scoredCustomers",
  expected_loss as "expectedLoss",
  at_risk_customers as "atRiskCustomers",
  at_risk_value as "atRiskValue"
from
  risk_snapshots
where
  day >= $1
  and day < $2
order by
  day;

select
  day,
  scored_customers as "scoredCustomers",
  expected_loss as "expectedLoss",
  at_risk_customers as "atRiskCustomers",
  at_risk_value as "atRiskValue"
from
  risk_snapshots
where
  day >= $1
  and day < $2
order by
  day;

select
  null as period,
  sum(r.contacts) as "contacts",
  sum(r.handle_sum) as "handleSum",
  sum(r.handle_count) as "handleCount",
  sum(r.wait_sum) as "waitSum",
  sum(r.wait_count) as "waitCount",
  sum(r.first_contact_resolved) as "firstContactResolved",
  sum(r.escalated_contacts) as "escalatedContacts",
  sum(r.repeated_contacts) as "repeatedContacts"
from
  rollup_contacts_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and (r.contacts > 0)
group by
  1;

select
  null as period,
  sum(r.contacts) as "contacts",
  sum(r.handle_sum) as "handleSum",
  sum(r.handle_count) as "handleCount",
  sum(r.wait_sum) as "waitSum",
  sum(r.wait_count) as "waitCount",
  sum(r.first_contact_resolved) as "firstContactResolved",
  sum(r.escalated_contacts) as "escalatedContacts",
  sum(r.repeated_contacts) as "repeatedContacts"
from
  rollup_contacts_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and (r.contacts > 0)
group by
  1;

select
  null as period,
  sum(r.nps_responses) as "npsResponses",
  sum(r.promoters) as "promoters",
  sum(r.detractors) as "detractors",
  sum(r.csat_responses) as "csatResponses",
  sum(r.csat_sum) as "csatSum",
  sum(r.csat_top2) as "csatTop2",
  sum(r.ces_responses) as "cesResponses",
  sum(r.ces_sum) as "cesSum",
  sum(r.csat_squares) as "csatSquares"
from
  rollup_surveys_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and (
    r.nps_responses > 0
    or r.csat_responses > 0
    or r.ces_responses > 0
  )
group by
  1;

select
  null as period,
  sum(r.nps_responses) as "npsResponses",
  sum(r.promoters) as "promoters",
  sum(r.detractors) as "detractors",
  sum(r.csat_responses) as "csatResponses",
  sum(r.csat_sum) as "csatSum",
  sum(r.csat_top2) as "csatTop2",
  sum(r.ces_responses) as "cesResponses",
  sum(r.ces_sum) as "cesSum",
  sum(r.csat_squares) as "csatSquares"
from
  rollup_surveys_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and (
    r.nps_responses > 0
    or r.csat_responses > 0
    or r.ces_responses > 0
  )
group by
  1;

select
  null as period,
  sum(r.sessions) as "sessions",
  sum(r.resolved_sessions) as "resolvedSessions",
  sum(r.truly_deflected_sessions) as "trulyDeflectedSessions",
  sum(r.escalated_sessions) as "escalatedSessions",
  sum(r.backfired_sessions) as "backfiredSessions"
from
  rollup_sessions_entry_region r
where
  r.day >= $1
  and r.day < $2
  and (r.sessions > 0)
group by
  1;

select
  null as period,
  sum(r.sessions) as "sessions",
  sum(r.resolved_sessions) as "resolvedSessions",
  sum(r.truly_deflected_sessions) as "trulyDeflectedSessions",
  sum(r.escalated_sessions) as "escalatedSessions",
  sum(r.backfired_sessions) as "backfiredSessions"
from
  rollup_sessions_entry_region r
where
  r.day >= $1
  and r.day < $2
  and (r.sessions > 0)
group by
  1;

select
  p.label as period,
  sum(
    case
      when r.day >= p.start_at
      and (
        p.end_at is null
        or r.day < p.end_at
      ) then r.churns
      else 0
    end
  ) as "churnedCustomers",
  sum(
    case
      when r.day < p.start_at then r.signups - r.churns
      else 0
    end
  ) as "activeCustomers"
from
  (
    select
      cast($1 as timestamptz) as label,
      cast($2 as timestamptz) as start_at,
      cast($3 as timestamptz) as end_at
  ) p
  join rollup_customers_days r on (
    p.end_at is null
    or r.day < p.end_at
  )
where
  (
    r.signups > 0
    or r.churns > 0
  )
  and 1 = 1
group by
  1;

select
  p.label as period,
  sum(
    case
      when r.day >= p.start_at
      and (
        p.end_at is null
        or r.day < p.end_at
      ) then r.churns
      else 0
    end
  ) as "churnedCustomers",
  sum(
    case
      when r.day < p.start_at then r.signups - r.churns
      else 0
    end
  ) as "activeCustomers"
from
  (
    select
      cast($1 as timestamptz) as label,
      cast($2 as timestamptz) as start_at,
      cast($3 as timestamptz) as end_at
  ) p
  join rollup_customers_days r on (
    p.end_at is null
    or r.day < p.end_at
  )
where
  (
    r.signups > 0
    or r.churns > 0
  )
  and 1 = 1
group by
  1;

select
  period,
  sum(reach) as "womReach",
  count(*) as "detractorCustomers"
from
  (
    select
      r.customer_id,
      null as period,
      case
        when sum(r.social_uses) > 0 then 825
        else 12
      end as reach
    from
      rollup_wom_customer_days r
    where
      r.day >= $1
      and r.day < $2
    group by
      1,
      2
    having
      sum(r.detractor_responses) > 0
  ) detractors
group by
  1;

select
  period,
  sum(reach) as "womReach",
  count(*) as "detractorCustomers"
from
  (
    select
      r.customer_id,
      null as period,
      case
        when sum(r.social_uses) > 0 then 825
        else 12
      end as reach
    from
      rollup_wom_customer_days r
    where
      r.day >= $1
      and r.day < $2
    group by
      1,
      2
    having
      sum(r.detractor_responses) > 0
  ) detractors
group by
  1;

-- channelSatisfaction(filter: {channels: [PHONE, CHAT]}, grain: MONTH)

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  date_trunc('month', r.day, 'UTC') as period,
  nullif(r.channel, '') as d0,
  sum(r.contacts) as "contacts",
  sum(r.first_contact_resolved) as "firstContactResolved",
  sum(r.wait_sum) as "waitSum",
  sum(r.wait_count) as "waitCount"
from
  rollup_contacts_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and r.channel in ($3, $4)
  and (r.contacts > 0)
group by
  1,
  2;

select
  date_trunc('month', r.day, 'UTC') as period,
  nullif(r.channel, '') as d0,
  sum(r.nps_responses) as "npsResponses",
  sum(r.promoters) as "promoters",
  sum(r.detractors) as "detractors",
  sum(r.csat_responses) as "csatResponses",
  sum(r.csat_sum) as "csatSum",
  sum(r.ces_responses) as "cesResponses",
  sum(r.ces_sum) as "cesSum"
from
  rollup_surveys_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and r.channel in ($3, $4)
  and (
    r.nps_responses > 0
    or r.csat_responses > 0
    or r.ces_responses > 0
  )
group by
  1,
  2;

select
  null as period,
  nullif(r.channel, '') as d0,
  sum(r.contacts) as "contacts",
  sum(r.first_contact_resolved) as "firstContactResolved",
  sum(r.wait_sum) as "waitSum",
  sum(r.wait_count) as "waitCount"
from
  rollup_contacts_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and r.channel in ($3, $4)
  and (r.contacts > 0)
group by
  1,
  2;

select
  null as period,
  nullif(r.channel, '') as d0,
  sum(r.nps_responses) as "npsResponses",
  sum(r.promoters) as "promoters",
  sum(r.detractors) as "detractors",
  sum(r.csat_responses) as "csatResponses",
  sum(r.csat_sum) as "csatSum",
  sum(r.ces_responses) as "cesResponses",
  sum(r.ces_sum) as "cesSum"
from
  rollup_surveys_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and r.channel in ($3, $4)
  and (
    r.nps_responses > 0
    or r.csat_responses > 0
    or r.ces_responses > 0
  )
group by
  1,
  2;

-- segmentPreferences(generations: [BOOMER, MILLENNIAL])

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  null as period,
  nullif(r.generation, '') as d0,
  nullif(r.channel, '') as d1,
  sum(r.contacts) as "contacts",
  sum(r.first_contact_resolved) as "firstContactResolved"
from
  rollup_contacts_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and r.generation in ($3, $4)
  and (r.contacts > 0)
group by
  1,
  2,
  3;

select
  null as period,
  nullif(r.generation, '') as d0,
  nullif(r.channel, '') as d1,
  sum(r.nps_responses) as "npsResponses",
  sum(r.promoters) as "promoters",
  sum(r.detractors) as "detractors",
  sum(r.csat_responses) as "csatResponses",
  sum(r.csat_sum) as "csatSum",
  sum(r.ces_responses) as "cesResponses",
  sum(r.ces_sum) as "cesSum"
from
  rollup_surveys_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and r.generation in ($3, $4)
  and (
    r.nps_responses > 0
    or r.csat_responses > 0
    or r.ces_responses > 0
  )
group by
  1,
  2,
  3;

select
  null as period,
  nullif(r.generation, '') as d0,
  sum(r.contacts) as "contacts"
from
  rollup_contacts_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and r.generation in ($3, $4)
  and (r.contacts > 0)
group by
  1,
  2;

select
  null as period,
  nullif(r.generation, '') as d0,
  sum(r.nps_responses) as "npsResponses",
  sum(r.promoters) as "promoters",
  sum(r.detractors) as "detractors",
  sum(r.csat_responses) as "csatResponses",
  sum(r.csat_sum) as "csatSum",
  sum(r.ces_responses) as "cesResponses",
  sum(r.ces_sum) as "cesSum"
from
  rollup_surveys_channel_generation r
where
  r.day >= $1
  and r.day < $2
  and r.generation in ($3, $4)
  and (
    r.nps_responses > 0
    or r.csat_responses > 0
    or r.ces_responses > 0
  )
group by
  1,
  2;

select
  null as period,
  nullif(r.generation, '') as d0,
  sum(r.sessions) as "sessions",
  sum(r.resolved_sessions) as "resolvedSessions",
  sum(r.escalated_sessions) as "escalatedSessions",
  sum(r.backfired_sessions) as "backfiredSessions"
from
  rollup_sessions_entry_generation_tier r
where
  r.day >= $1
  and r.day < $2
  and r.generation in ($3, $4)
  and (r.sessions > 0)
group by
  1,
  2;

select
  p.label as period,
  nullif(r.generation, '') as d0,
  sum(
    case
      when r.day >= p.start_at
      and (
        p.end_at is null
        or r.day < p.end_at
      ) then r.churns
      else 0
    end
  ) as "churnedCustomers",
  sum(
    case
      when r.day < p.start_at then r.signups - r.churns
      else 0
    end
  ) as "activeCustomers"
from
  (
    select
      cast($1 as timestamptz) as label,
      cast($2 as timestamptz) as start_at,
      cast($3 as timestamptz) as end_at
  ) p
  join rollup_customers_generation r on (
    p.end_at is null
    or r.day < p.end_at
  )
where
  (
    r.signups > 0
    or r.churns > 0
  )
  and r.generation in ($4, $5)
group by
  1,
  2;

select
  r.generation as generation,
  sum(
    case
      when (
        r.previous_day is null
        or r.previous_day < $1
      ) then 1
      else 0
    end
  ) as "interactingCustomers",
  sum(
    case
      when r.sessions > 0
      and (
        r.previous_session_day is null
        or r.previous_session_day < $2
      ) then 1
      else 0
    end
  ) as "selfServiceUsers"
from
  rollup_customer_mix_days r
where
  r.day >= $3
  and r.day < $4
  and r.generation in ($5, $6)
group by
  r.generation;

-- deflectionFunnel

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  built_at,
  fingerprint,
  churned_before_signup
from
  rollup_state;

select
  null as period,
  nullif(r.entry, '') as d0,
  sum(r.sessions) as "sessions",
  sum(r.resolved_sessions) as "resolvedSessions",
  sum(r.truly_deflected_sessions) as "trulyDeflectedSessions",
  sum(r.escalated_sessions) as "escalatedSessions",
  sum(r.backfired_sessions) as "backfiredSessions",
  sum(r.engaged_sessions) as "engagedSessions",
  sum(r.abandoned_sessions) as "abandonedSessions",
  sum(r.escalation_resolved_sessions) as "escalationResolvedSessions"
from
  rollup_sessions_entry_region r
where
  r.day >= $1
  and r.day < $2
  and (r.sessions > 0)
group by
  1,
  2;

select
  null as period,
  sum(r.sessions) as "sessions",
  sum(r.resolved_sessions) as "resolvedSessions",
  sum(r.truly_deflected_sessions) as "trulyDeflectedSessions",
  sum(r.escalated_sessions) as "escalatedSessions",
  sum(r.backfired_sessions) as "backfiredSessions",
  sum(r.engaged_sessions) as "engagedSessions",
  sum(r.abandoned_sessions) as "abandonedSessions",
  sum(r.escalation_resolved_sessions) as "escalationResolvedSessions"
from
  rollup_sessions_entry_region r
where
  r.day >= $1
  and r.day < $2
  and (r.sessions > 0)
group by
  1;

select
  period,
  d0,
  sum(
    case
      when f.type = 'nps' then 1
      else 0
    end
  ) as "npsResponses",
  sum(
    case
      when f.type = 'nps'
      and f.score >= 9 then 1
      else 0
    end
  ) as "promoters",
  sum(
    case
      when f.type = 'nps'
      and f.score <= 6 then 1
      else 0
    end
  ) as "detractors",
  sum(
    case
      when f.type = 'csat' then 1
      else 0
    end
  ) as "csatResponses",
  sum(
    case
      when f.type = 'csat' then f.score
    end
  ) as "csatSum"
from
  (
    select distinct
      null as period,
      r.entry as d0,
      r.response_id,
      r.type,
      r.score
    from
      rollup_escalation_follow_ups r
    where
      r.day >= $1
      and r.day < $2
  ) f
group by
  1,
  2;

select
  period,
  sum(
    case
      when f.type = 'nps' then 1
      else 0
    end
  ) as "npsResponses",
  sum(
    case
      when f.type = 'nps'
      and f.score >= 9 then 1
      else 0
    end
  ) as "promoters",
  sum(
    case
      when f.type = 'nps'
      and f.score <= 6 then 1
      else 0
    end
  ) as "detractors",
  sum(
    case
      when f.type = 'csat' then 1
      else 0
    end
  ) as "csatResponses",
  sum(
    case
      when f.type = 'csat' then f.score
    end
  ) as "csatSum"
from
  (
    select distinct
      null as period,
      r.response_id,
      r.type,
      r.score
    from
      rollup_escalation_follow_ups r
    where
      r.day >= $1
      and r.day < $2
  ) f
group by
  1;
