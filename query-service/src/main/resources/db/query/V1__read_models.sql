-- Position of each aggregate's stream already applied here: makes redelivery harmless.
create table applied_position (
    aggregate_id  varchar(255) not null primary key,
    last_sequence bigint       not null
);

create table cycle_view (
    cycle_id  uuid         not null primary key,
    name      varchar(200) not null,
    starts_on date         not null,
    ends_on   date         not null,
    cadence   varchar(16)  not null,
    status    varchar(16)  not null
);

create table key_result_view (
    key_result_id     uuid           not null primary key,
    objective_id      uuid           not null,
    cycle_id          uuid           not null,
    title             varchar(300)   not null,
    unit              varchar(50)    not null,
    baseline          numeric        not null,
    target            numeric        not null,
    indicator         varchar(16)    not null,
    owner             varchar(200)   not null,
    current_value     numeric,
    confidence        integer,
    last_effective_at timestamptz
);
create index key_result_view_objective on key_result_view (objective_id);

create table check_in_history (
    key_result_id uuid        not null,
    check_in_id   uuid        not null,
    sequence      bigint      not null,
    effective_at  timestamptz not null,
    recorded_at   timestamptz not null,
    value         numeric     not null,
    confidence    integer     not null,
    note          text,
    blockers      text,
    decision      text,
    actor         varchar(200),
    primary key (key_result_id, check_in_id)
);
create index check_in_history_timeline on check_in_history (key_result_id, effective_at, sequence);
