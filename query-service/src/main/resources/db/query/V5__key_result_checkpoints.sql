-- Planned checkpoints of a key result (date -> expected value): its expected progress follows them
-- instead of the straight line (docs/domain.md "Expected progress and pace"). In the order the
-- definition lists them (sorted by date; of two on one date the later-listed counts). None: linear.
-- A read model like the others: the rebuild copies and refills it.
create table key_result_checkpoint (
    key_result_id  uuid    not null,
    position       integer not null,
    on_date        date    not null,
    expected_value numeric not null,
    primary key (key_result_id, position)
);

-- Key results projected before this migration: their checkpoints are in the event log already.
insert into key_result_checkpoint (key_result_id, position, on_date, expected_value)
select k.key_result_id, (c.position - 1)::integer, (c.checkpoint ->> 'date')::date,
       (c.checkpoint ->> 'expectedValue')::numeric
  from key_result_view k
  join event_log e on e.type = 'KeyResultDefined' and e.key_result_id = k.key_result_id
 cross join lateral jsonb_array_elements(coalesce(e.envelope -> 'payload' -> 'checkpoints', '[]'::jsonb))
       with ordinality as c(checkpoint, position)
on conflict do nothing;
