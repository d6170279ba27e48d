-- What the command model can change after a definition: rewording, realignment, retirement,
-- target/owner changes, dropping, grading, initiatives and their pivots, retrospective notes.
-- Every row again carries when it became known (envelope occurredAt). Keys are event ids, never
-- serials, so a rebuild writes identical rows.
alter table objective_view
    add column retired_at     timestamptz,
    add column retired_reason text;

alter table key_result_view
    add column kind                 varchar(16) not null default 'METRIC',
    add column measurement_counted  text,
    add column measurement_excluded text,
    add column measurement_source   text,
    add column milestones           jsonb       not null default '[]',
    add column initial_target       numeric,
    add column dropped_at           timestamptz,
    add column dropped_reason       text,
    add column graded_at            timestamptz,
    add column graded_final_value   numeric,
    add column graded_score         double precision;
update key_result_view set initial_target = target;

alter table check_in_history add column milestones_done jsonb not null default '[]';

create table key_result_target_change (
    event_id      varchar(100) not null primary key,
    key_result_id uuid         not null,
    changed_at    timestamptz  not null,
    actor         varchar(200),
    from_target   numeric      not null,
    to_target     numeric      not null,
    reason        text
);
create index key_result_target_change_key_result on key_result_target_change (key_result_id, changed_at);

create table initiative_view (
    initiative_id  uuid         not null primary key,
    key_result_id  uuid         not null,
    objective_id   uuid         not null,
    title          varchar(300) not null,
    approach       text,
    status         varchar(16)  not null,
    added_at       timestamptz  not null,
    changed_at     timestamptz  not null,
    stopped_reason text
);
create index initiative_view_key_result on initiative_view (key_result_id);

create table initiative_pivot (
    event_id      varchar(100) not null primary key,
    initiative_id uuid         not null,
    key_result_id uuid         not null,
    pivoted_at    timestamptz  not null,
    actor         varchar(200),
    from_approach text,
    to_approach   text,
    reason        text,
    check_in_id   uuid
);
create index initiative_pivot_key_result on initiative_pivot (key_result_id, pivoted_at);

create table objective_retrospective_note (
    event_id     varchar(100) not null primary key,
    objective_id uuid         not null,
    cycle_id     uuid         not null,
    recorded_at  timestamptz  not null,
    actor        varchar(200),
    note         text         not null
);
create index objective_retrospective_note_cycle on objective_retrospective_note (cycle_id, recorded_at);
