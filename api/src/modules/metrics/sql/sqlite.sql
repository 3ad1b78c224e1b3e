-- metrics(dimensions: [CHANNEL, GENERATION], grain: MONTH) { nps csatAvg cesAvg contacts fcrRate repeatContactRate }

select
  (
    cast(
      strftime(
        '%s',
        cast(f.responded_at as integer) / 1000,
        'unixepoch',
        'start of month'
      ) as integer
    ) * 1000
  ) as period,
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
  f.responded_at >= ?
  and f.responded_at < ?
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
  (
    cast(
      strftime(
        '%s',
        cast(f.started_at as integer) / 1000,
        'unixepoch',
        'start of month'
      ) as integer
    ) * 1000
  ) as period,
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
      when exists (
        select
          1
        from
          contacts n
        where
          n.customer_id = f.customer_id
          and n.started_at > f.started_at
          and n.started_at <= (f.started_at + 604800000)
      ) then 1
      else 0
    end
  ) as "repeatedContacts"
from
  contacts f
  join customers c on c.id = f.customer_id
where
  f.started_at >= ?
  and f.started_at < ?
group by
  1,
  2,
  3;

-- metrics(dimensions: [ENTRY], grain: WEEK, filter: {tiers: [VIP]}) { deflectionRate trueDeflectionRate backfireRate }

select
  (
    (
      (cast(f.started_at as integer) / 86400000 + 3) / 7 * 7 - 3
    ) * 86400000
  ) as period,
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
      when f.outcome = 'resolved'
      and not exists (
        select
          1
        from
          contacts k
        where
          k.customer_id = f.customer_id
          and k.started_at > f.started_at
          and k.started_at <= (f.started_at + 259200000)
      ) then 1
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
      when f.outcome = 'escalated'
      and exists (
        select
          1
        from
          survey_responses r
        where
          r.customer_id = f.customer_id
          and r.responded_at > f.started_at
          and r.responded_at <= (f.started_at + 604800000)
          and (
            (
              r.type = 'nps'
              and r.score <= 6
            )
            or (
              r.type = 'csat'
              and r.score <= 2
            )
          )
      ) then 1
      else 0
    end
  ) as "backfiredSessions"
from
  self_service_sessions f
  join customers c on c.id = f.customer_id
where
  f.started_at >= ?
  and f.started_at < ?
  and c.tier in (?)
group by
  1,
  2;

-- metrics(dimensions: [REGION], grain: QUARTER) { womReach churnRate }

select
  p.label as period,
  c.region as d0,
  sum(
    case
      when c.churned_at >= p.start_at
      and (
        p.end_at is null
        or c.churned_at < p.end_at
      ) then 1
      else 0
    end
  ) as "churnedCustomers",
  sum(
    case
      when c.signup_date < p.start_at
      and (
        c.churned_at is null
        or c.churned_at >= p.start_at
      ) then 1
      else 0
    end
  ) as "activeCustomers"
from
  (
    select
      ? as label,
      ? as start_at,
      ? as end_at
    union all
    select
      ? as label,
      ? as start_at,
      ? as end_at
  ) p
  join customers c on (
    p.end_at is null
    or c.signup_date < p.end_at
  )
where
  1 = 1
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
    select distinct
      c.id as customer,
      (
        cast(
          strftime(
            '%s',
            cast(r.responded_at as integer) / 1000,
            'unixepoch',
            'start of month',
            '-' || (
              (
                cast(
                  strftime(
                    '%m',
                    cast(r.responded_at as integer) / 1000,
                    'unixepoch'
                  ) as integer
                ) - 1
              ) % 3
            ) || ' months'
          ) as integer
        ) * 1000
      ) as period,
      c.region as d0,
      case
        when exists (
          select
            1
          from
            contacts s
          where
            s.customer_id = c.id
            and s.channel = 'social'
            and (
              cast(
                strftime(
                  '%s',
                  cast(s.started_at as integer) / 1000,
                  'unixepoch',
                  'start of month',
                  '-' || (
                    (
                      cast(
                        strftime(
                          '%m',
                          cast(s.started_at as integer) / 1000,
                          'unixepoch'
                        ) as integer
                      ) - 1
                    ) % 3
                  ) || ' months'
                ) as integer
              ) * 1000
            ) = (
              cast(
                strftime(
                  '%s',
                  cast(r.responded_at as integer) / 1000,
                  'unixepoch',
                  'start of month',
                  '-' || (
                    (
                      cast(
                        strftime(
                          '%m',
                          cast(r.responded_at as integer) / 1000,
                          'unixepoch'
                        ) as integer
                      ) - 1
                    ) % 3
                  ) || ' months'
                ) as integer
              ) * 1000
            )
            and s.started_at >= ?
            and s.started_at < ?
        )
        or exists (
          select
            1
          from
            survey_responses s
          where
            s.customer_id = c.id
            and s.channel = 'social'
            and (
              cast(
                strftime(
                  '%s',
                  cast(s.responded_at as integer) / 1000,
                  'unixepoch',
                  'start of month',
                  '-' || (
                    (
                      cast(
                        strftime(
                          '%m',
                          cast(s.responded_at as integer) / 1000,
                          'unixepoch'
                        ) as integer
                      ) - 1
                    ) % 3
                  ) || ' months'
                ) as integer
              ) * 1000
            ) = (
              cast(
                strftime(
                  '%s',
                  cast(r.responded_at as integer) / 1000,
                  'unixepoch',
                  'start of month',
                  '-' || (
                    (
                      cast(
                        strftime(
                          '%m',
                          cast(r.responded_at as integer) / 1000,
                          'unixepoch'
                        ) as integer
                      ) - 1
                    ) % 3
                  ) || ' months'
                ) as integer
              ) * 1000
            )
            and s.responded_at >= ?
            and s.responded_at < ?
        ) then 825
        else 12
      end as reach
    from
      survey_responses r
      join customers c on c.id = r.customer_id
    where
      r.type = 'nps'
      and r.score <= 6
      and r.responded_at >= ?
      and r.responded_at < ?
  ) detractors
group by
  1,
  2;

-- overview(compare: PREVIOUS_YEAR)

select
  null as period,
  count(*) as "contacts",
  sum(f.handle_seconds) as "handleSum",
  count(f.handle_seconds) as "handleCount",
  sum(f.wait_seconds) as "waitSum",
  count(f.wait_seconds) as "waitCount",
  sum(
    case
      when f.first_contact_resolution = true then 1
      else 0
    end
  ) as "firstContactResolved",
  sum(
    case
      when f.escalated = true then 1
      else 0
    end
  ) as "escalatedContacts",
  sum(
    case
      when exists (
        select
          1
        from
          contacts n
        where
          n.customer_id = f.customer_id
          and n.started_at > f.started_at
          and n.started_at <= (f.started_at + 604800000)
      ) then 1
      else 0
    end
  ) as "repeatedContacts"
from
  contacts f
where
  f.started_at >= ?
  and f.started_at < ?
group by
  1;

select
  null as period,
  count(*) as "contacts",
  sum(f.handle_seconds) as "handleSum",
  count(f.handle_seconds) as "handleCount",
  sum(f.wait_seconds) as "waitSum",
  count(f.wait_seconds) as "waitCount",
  sum(
    case
      when f.first_contact_resolution = true then 1
      else 0
    end
  ) as "firstContactResolved",
  sum(
    case
      when f.escalated = true then 1
      else 0
    end
  ) as "escalatedContacts",
  sum(
    case
      when exists (
        select
          1
        from
          contacts n
        where
          n.customer_id = f.customer_id
          and n.started_at > f.started_at
          and n.started_at <= (f.started_at + 604800000)
      ) then 1
      else 0
    end
  ) as "repeatedContacts"
from
  contacts f
where
  f.started_at >= ?
  and f.started_at < ?
group by
  1;

select
  null as period,
  count(*) as "sessions",
  sum(
    case
      when f.outcome = 'resolved' then 1
      else 0
    end
  ) as "resolvedSessions",
  sum(
    case
      when f.outcome = 'resolved'
      and not exists (
        select
          1
        from
          contacts k
        where
          k.customer_id = f.customer_id
          and k.started_at > f.started_at
          and k.started_at <= (f.started_at + 259200000)
      ) then 1
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
      when f.outcome = 'escalated'
      and exists (
        select
          1
        from
          survey_responses r
        where
          r.customer_id = f.customer_id
          and r.responded_at > f.started_at
          and r.responded_at <= (f.started_at + 604800000)
          and (
            (
              r.type = 'nps'
              and r.score <= 6
            )
            or (
              r.type = 'csat'
              and r.score <= 2
            )
          )
      ) then 1
      else 0
    end
  ) as "backfiredSessions"
from
  self_service_sessions f
where
  f.started_at >= ?
  and f.started_at < ?
group by
  1;

select
  null as period,
  count(*) as "sessions",
  sum(
    case
      when f.outcome = 'resolved' then 1
      else 0
    end
  ) as "resolvedSessions",
  sum(
    case
      when f.outcome = 'resolved'
      and not exists (
        select
          1
        from
          contacts k
        where
          k.customer_id = f.customer_id
          and k.started_at > f.started_at
          and k.started_at <= (f.started_at + 259200000)
      ) then 1
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
      when f.outcome = 'escalated'
      and exists (
        select
          1
        from
          survey_responses r
        where
          r.customer_id = f.customer_id
          and r.responded_at > f.started_at
          and r.responded_at <= (f.started_at + 604800000)
          and (
            (
              r.type = 'nps'
              and r.score <= 6
            )
            or (
              r.type = 'csat'
              and r.score <= 2
            )
          )
      ) then 1
      else 0
    end
  ) as "backfiredSessions"
from
  self_service_sessions f
where
  f.started_at >= ?
  and f.started_at < ?
group by
  1;

select
  null as period,
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
      when f.type = 'csat'
      and f.score >= 4 then 1
      else 0
    end
  ) as "csatTop2",
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
  ) as "cesSum",
  sum(
    case
      when f.type = 'csat' then f.score * f.score
    end
  ) as "csatSquares"
from
  survey_responses f
where
  f.responded_at >= ?
  and f.responded_at < ?
  and (
    f.type = 'nps'
    or f.type = 'csat'
    or f.type = 'ces'
  )
group by
  1;

select
  null as period,
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
      when f.type = 'csat'
      and f.score >= 4 then 1
      else 0
    end
  ) as "csatTop2",
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
  ) as "cesSum",
  sum(
    case
      when f.type = 'csat' then f.score * f.score
    end
  ) as "csatSquares"
from
  survey_responses f
where
  f.responded_at >= ?
  and f.responded_at < ?
  and (
    f.type = 'nps'
    or f.type = 'csat'
    or f.type = 'ces'
  )
group by
  1;

select
  p.label as period,
  sum(
    case
      when c.churned_at >= p.start_at
      and (
        p.end_at is null
        or c.churned_at < p.end_at
      ) then 1
      else 0
    end
  ) as "churnedCustomers",
  sum(
    case
      when c.signup_date < p.start_at
      and (
        c.churned_at is null
        or c.churned_at >= p.start_at
      ) then 1
      else 0
    end
  ) as "activeCustomers"
from
  (
    select
      ? as label,
      ? as start_at,
      ? as end_at
  ) p
  join customers c on (
    p.end_at is null
    or c.signup_date < p.end_at
  )
where
  1 = 1
group by
  1;

select
  p.label as period,
  sum(
    case
      when c.churned_at >= p.start_at
      and (
        p.end_at is null
        or c.churned_at < p.end_at
      ) then 1
      else 0
    end
  ) as "churnedCustomers",
  sum(
    case
      when c.signup_date < p.start_at
      and (
        c.churned_at is null
        or c.churned_at >= p.start_at
      ) then 1
      else 0
    end
  ) as "activeCustomers"
from
  (
    select
      ? as label,
      ? as start_at,
      ? as end_at
  ) p
  join customers c on (
    p.end_at is null
    or c.signup_date < p.end_at
  )
where
  1 = 1
group by
  1;

select
  period,
  sum(reach) as "womReach",
  count(*) as "detractorCustomers"
from
  (
    select distinct
      c.id as customer,
      null as period,
      case
        when exists (
          select
            1
          from
            contacts s
          where
            s.customer_id = c.id
            and s.channel = 'social'
            and s.started_at >= ?
            and s.started_at < ?
        )
        or exists (
          select
            1
          from
            survey_responses s
          where
            s.customer_id = c.id
            and s.channel = 'social'
            and s.responded_at >= ?
            and s.responded_at < ?
        ) then 825
        else 12
      end as reach
    from
      survey_responses r
      join customers c on c.id = r.customer_id
    where
      r.type = 'nps'
      and r.score <= 6
      and r.responded_at >= ?
      and r.responded_at < ?
  ) detractors
group by
  1;

select
  period,
  sum(reach) as "womReach",
  count(*) as "detractorCustomers"
from
  (
    select distinct
      c.id as customer,
      null as period,
      case
        when exists (
          select
            1
          from
            contacts s
          where
            s.customer_id = c.id
            and s.channel = 'social'
            and s.started_at >= ?
            and s.started_at < ?
        )
        or exists (
          select
            1
          from
            survey_responses s
          where
            s.customer_id = c.id
            and s.channel = 'social'
            and s.responded_at >= ?
            and s.responded_at < ?
        ) then 825
        else 12
      end as reach
    from
      survey_responses r
      join customers c on c.id = r.customer_id
    where
      r.type = 'nps'
      and r.score <= 6
      and r.responded_at >= ?
      and r.responded_at < ?
  ) detractors
group by
  1;

-- channelSatisfaction(filter: {channels: [PHONE, CHAT]}, grain: MONTH)

select
  (
    cast(
      strftime(
        '%s',
        cast(f.responded_at as integer) / 1000,
        'unixepoch',
        'start of month'
      ) as integer
    ) * 1000
  ) as period,
  f.channel as d0,
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
where
  f.responded_at >= ?
  and f.responded_at < ?
  and f.channel in (?, ?)
  and (
    f.type = 'nps'
    or f.type = 'csat'
    or f.type = 'ces'
  )
group by
  1,
  2;

select
  (
    cast(
      strftime(
        '%s',
        cast(f.started_at as integer) / 1000,
        'unixepoch',
        'start of month'
      ) as integer
    ) * 1000
  ) as period,
  f.channel as d0,
  count(*) as "contacts",
  sum(
    case
      when f.first_contact_resolution = true then 1
      else 0
    end
  ) as "firstContactResolved",
  sum(f.wait_seconds) as "waitSum",
  count(f.wait_seconds) as "waitCount"
from
  contacts f
where
  f.started_at >= ?
  and f.started_at < ?
  and f.channel in (?, ?)
group by
  1,
  2;

select
  null as period,
  f.channel as d0,
  count(*) as "contacts",
  sum(
    case
      when f.first_contact_resolution = true then 1
      else 0
    end
  ) as "firstContactResolved",
  sum(f.wait_seconds) as "waitSum",
  count(f.wait_seconds) as "waitCount"
from
  contacts f
where
  f.started_at >= ?
  and f.started_at < ?
  and f.channel in (?, ?)
group by
  1,
  2;

select
  null as period,
  f.channel as d0,
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
where
  f.responded_at >= ?
  and f.responded_at < ?
  and f.channel in (?, ?)
  and (
    f.type = 'nps'
    or f.type = 'csat'
    or f.type = 'ces'
  )
group by
  1,
  2;

-- segmentPreferences(generations: [BOOMER, MILLENNIAL])

select
  c.generation as generation,
  count(*) as "interactingCustomers",
  sum(
    case
      when u.sessions > 0 then 1
      else 0
    end
  ) as "selfServiceUsers",
  sum(
    case
      when u.sessions = 0 then 1
      else 0
    end
  ) as "assistedOnlyCustomers"
from
  (
    select
      customer_id,
      sum(is_session) as sessions
    from
      (
        select
          f.customer_id,
          1 as is_session
        from
          self_service_sessions f
        where
          f.started_at >= ?
          and f.started_at < ?
        union all
        select
          f.customer_id,
          0 as is_session
        from
          contacts f
        where
          f.started_at >= ?
          and f.started_at < ?
      ) interactions
    group by
      customer_id
  ) u
  join customers c on c.id = u.customer_id
where
  c.generation in (?, ?)
group by
  c.generation;

select
  null as period,
  c.generation as d0,
  count(*) as "contacts"
from
  contacts f
  join customers c on c.id = f.customer_id
where
  f.started_at >= ?
  and f.started_at < ?
  and c.generation in (?, ?)
group by
  1,
  2;

select
  null as period,
  c.generation as d0,
  count(*) as "sessions",
  sum(
    case
      when f.outcome = 'resolved' then 1
      else 0
    end
  ) as "resolvedSessions",
  sum(
    case
      when f.outcome = 'escalated' then 1
      else 0
    end
  ) as "escalatedSessions",
  sum(
    case
      when f.outcome = 'escalated'
      and exists (
        select
          1
        from
          survey_responses r
        where
          r.customer_id = f.customer_id
          and r.responded_at > f.started_at
          and r.responded_at <= (f.started_at + 604800000)
          and (
            (
              r.type = 'nps'
              and r.score <= 6
            )
            or (
              r.type = 'csat'
              and r.score <= 2
            )
          )
      ) then 1
      else 0
    end
  ) as "backfiredSessions"
from
  self_service_sessions f
  join customers c on c.id = f.customer_id
where
  f.started_at >= ?
  and f.started_at < ?
  and c.generation in (?, ?)
group by
  1,
  2;

select
  null as period,
  c.generation as d0,
  f.channel as d1,
  count(*) as "contacts",
  sum(
    case
      when f.first_contact_resolution = true then 1
      else 0
    end
  ) as "firstContactResolved"
from
  contacts f
  join customers c on c.id = f.customer_id
where
  f.started_at >= ?
  and f.started_at < ?
  and c.generation in (?, ?)
group by
  1,
  2,
  3;

select
  null as period,
  c.generation as d0,
  f.channel as d1,
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
  f.responded_at >= ?
  and f.responded_at < ?
  and c.generation in (?, ?)
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
  null as period,
  c.generation as d0,
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
  f.responded_at >= ?
  and f.responded_at < ?
  and c.generation in (?, ?)
  and (
    f.type = 'nps'
    or f.type = 'csat'
    or f.type = 'ces'
  )
group by
  1,
  2;

select
  p.label as period,
  c.generation as d0,
  sum(
    case
      when c.churned_at >= p.start_at
      and (
        p.end_at is null
        or c.churned_at < p.end_at
      ) then 1
      else 0
    end
  ) as "churnedCustomers",
  sum(
    case
      when c.signup_date < p.start_at
      and (
        c.churned_at is null
        or c.churned_at >= p.start_at
      ) then 1
      else 0
    end
  ) as "activeCustomers"
from
  (
    select
      ? as label,
      ? as start_at,
      ? as end_at
  ) p
  join customers c on (
    p.end_at is null
    or c.signup_date < p.end_at
  )
where
  c.generation in (?, ?)
group by
  1,
  2;

-- deflectionFunnel

select
  null as period,
  count(*) as "sessions",
  sum(
    case
      when f.outcome = 'resolved' then 1
      else 0
    end
  ) as "resolvedSessions",
  sum(
    case
      when f.outcome = 'resolved'
      and not exists (
        select
          1
        from
          contacts k
        where
          k.customer_id = f.customer_id
          and k.started_at > f.started_at
          and k.started_at <= (f.started_at + 259200000)
      ) then 1
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
      when f.outcome = 'escalated'
      and exists (
        select
          1
        from
          survey_responses r
        where
          r.customer_id = f.customer_id
          and r.responded_at > f.started_at
          and r.responded_at <= (f.started_at + 604800000)
          and (
            (
              r.type = 'nps'
              and r.score <= 6
            )
            or (
              r.type = 'csat'
              and r.score <= 2
            )
          )
      ) then 1
      else 0
    end
  ) as "backfiredSessions",
  sum(
    case
      when f.steps >= 2 then 1
      else 0
    end
  ) as "engagedSessions",
  sum(
    case
      when f.outcome = 'abandoned' then 1
      else 0
    end
  ) as "abandonedSessions",
  sum(
    case
      when f.outcome = 'escalated'
      and exists (
        select
          1
        from
          contacts k
        where
          k.customer_id = f.customer_id
          and (
            k.external_id = f.escalated_contact_id
            or k.self_service_session_id = f.external_id
          )
          and k.resolved = true
      ) then 1
      else 0
    end
  ) as "escalationResolvedSessions"
from
  self_service_sessions f
where
  f.started_at >= ?
  and f.started_at < ?
group by
  1;

select
  null as period,
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
      when f.outcome = 'resolved'
      and not exists (
        select
          1
        from
          contacts k
        where
          k.customer_id = f.customer_id
          and k.started_at > f.started_at
          and k.started_at <= (f.started_at + 259200000)
      ) then 1
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
      when f.outcome = 'escalated'
      and exists (
        select
          1
        from
          survey_responses r
        where
          r.customer_id = f.customer_id
          and r.responded_at > f.started_at
          and r.responded_at <= (f.started_at + 604800000)
          and (
            (
              r.type = 'nps'
              and r.score <= 6
            )
            or (
              r.type = 'csat'
              and r.score <= 2
            )
          )
      ) then 1
      else 0
    end
  ) as "backfiredSessions",
  sum(
    case
      when f.steps >= 2 then 1
      else 0
    end
  ) as "engagedSessions",
  sum(
    case
      when f.outcome = 'abandoned' then 1
      else 0
    end
  ) as "abandonedSessions",
  sum(
    case
      when f.outcome = 'escalated'
      and exists (
        select
          1
        from
          contacts k
        where
          k.customer_id = f.customer_id
          and (
            k.external_id = f.escalated_contact_id
            or k.self_service_session_id = f.external_id
          )
          and k.resolved = true
      ) then 1
      else 0
    end
  ) as "escalationResolvedSessions"
from
  self_service_sessions f
where
  f.started_at >= ?
  and f.started_at < ?
group by
  1,
  2;

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
      f.entry as d0,
      r.id,
      r.type,
      r.score
    from
      self_service_sessions f
      join survey_responses r on r.customer_id = f.customer_id
      and r.responded_at > f.started_at
      and r.responded_at <= (f.started_at + 604800000)
    where
      f.outcome = 'escalated'
      and f.started_at >= ?
      and f.started_at < ?
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
      r.id,
      r.type,
      r.score
    from
      self_service_sessions f
      join survey_responses r on r.customer_id = f.customer_id
      and r.responded_at > f.started_at
      and r.responded_at <= (f.started_at + 604800000)
    where
      f.outcome = 'escalated'
      and f.started_at >= ?
      and f.started_at < ?
  ) f
group by
  1;
