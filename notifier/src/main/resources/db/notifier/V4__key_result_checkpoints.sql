-- Planned checkpoints of a key result (date -> expected value) for non-linear pacing, in the order
-- the definition lists them (sorted by date). None: linear pace.
create table key_result_checkpoint (
    key_result_id  uuid    not null,
    position       integer not null,
    on_date        date    not null,
    expected_value numeric not null,
    primary key (key_result_id, position)
);
