-- Measurements from data sources (MeasurementRecorded): values observed at a moment, without
-- confidence. A key result's value follows check-ins and measurements in effective order (check-ins by
-- effective_at, measurements by observed_at; at the very same moment a check-in wins), while its
-- confidence follows check-ins only: so the value gets its own moment beside last_effective_at, which
-- stays the latest check-in's (confidence, staleness). Keys are ids chosen by the source, never serials.
create table measurement_history (
    key_result_id  uuid         not null,
    measurement_id uuid         not null,
    sequence       bigint       not null,
    observed_at    timestamptz  not null,
    recorded_at    timestamptz  not null,
    value          numeric      not null,
    source         varchar(200),
    actor          varchar(200),
    primary key (key_result_id, measurement_id)
);
create index measurement_history_timeline on measurement_history (key_result_id, observed_at, sequence);

alter table key_result_view
    add column value_effective_at timestamptz,
    add column value_measured     boolean not null default false;
update key_result_view set value_effective_at = last_effective_at;

-- Measurements taken in before this migration were logged but not projected: project them now.
insert into measurement_history (key_result_id, measurement_id, sequence, observed_at, recorded_at, value, source,
                                 actor)
select e.key_result_id, (e.envelope -> 'payload' ->> 'measurementId')::uuid, e.sequence,
       (e.envelope -> 'payload' ->> 'observedAt')::timestamptz, e.occurred_at,
       (e.envelope -> 'payload' ->> 'value')::numeric, e.envelope -> 'payload' ->> 'source', e.actor
  from event_log e
 where e.type = 'MeasurementRecorded'
   and exists (select 1 from key_result_view k where k.key_result_id = e.key_result_id)
on conflict do nothing;

update key_result_view k
   set current_value = m.value, value_effective_at = m.observed_at, value_measured = true
  from (select distinct on (key_result_id) key_result_id, value, observed_at from measurement_history
         order by key_result_id, observed_at desc, sequence desc) m
 where m.key_result_id = k.key_result_id
   and (k.value_effective_at is null or m.observed_at > k.value_effective_at);
