-- Every envelope this service took in, in arrival order: the audit trail, and the source of a
-- read-model rebuild (each service owns its data; okr.events keeps only days of history).
-- Append-only: never updated, never rebuilt.
create table event_log (
    position       bigserial    not null primary key,
    event_id       varchar(100) not null unique,
    type           varchar(100) not null,
    aggregate_id   varchar(255) not null,
    sequence       bigint       not null,
    occurred_at    timestamptz  not null,
    actor          varchar(200),
    cycle_id       uuid,
    objective_id   uuid,
    key_result_id  uuid,
    envelope       jsonb        not null
);
create index event_log_objective on event_log (objective_id, position);
create index event_log_key_result on event_log (key_result_id, position);

-- "Known at" times (envelope occurredAt) make time travel a filter on the read models.
alter table cycle_view
    add column planned_at   timestamptz,
    add column activated_at timestamptz,
    add column closed_at    timestamptz;

alter table key_result_view add column defined_at timestamptz;
create index key_result_view_cycle on key_result_view (cycle_id);

create table objective_view (
    objective_id        uuid         not null primary key,
    cycle_id            uuid         not null,
    title               varchar(300) not null,
    level               varchar(16)  not null,
    team                varchar(200) not null,
    parent_objective_id uuid,
    defined_at          timestamptz
);
create index objective_view_cycle on objective_view (cycle_id);
