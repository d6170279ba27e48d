-- The little state the rules need, projected from okr.events (each service owns its data).
create table cycle (
    cycle_id  uuid        not null primary key,
    starts_on date        not null,
    ends_on   date        not null,
    cadence   varchar(16) not null,
    status    varchar(16) not null
);

create table objective (
    objective_id uuid         not null primary key,
    cycle_id     uuid         not null,
    team         varchar(255) not null,
    title        text         not null
);

-- last_* is the latest check-in in effective order; behind_pace is the pace rule's state, kept apart
-- from the alert's workflow status so that a manual resolve does not re-raise on the next check-in.
create table key_result (
    key_result_id     uuid         not null primary key,
    objective_id      uuid         not null,
    cycle_id          uuid         not null,
    title             text         not null,
    owner             varchar(255) not null,
    baseline          numeric      not null,
    target            numeric      not null,
    defined_at        timestamptz  not null,
    last_check_in_id  uuid,
    last_effective_at timestamptz,
    behind_pace       boolean      not null default false
);
create index key_result_by_cycle on key_result (cycle_id);

-- became_latest: whether the check-in was the key result's newest (in effective order) when it
-- arrived; lets the pace rule be re-run in arrival order when a cycle arrives after its check-ins.
create table check_in (
    check_in_id   uuid        not null primary key,
    key_result_id uuid        not null,
    arrival       bigserial   not null,
    effective_at  timestamptz not null,
    recorded_at   timestamptz not null,
    value         numeric     not null,
    confidence    integer     not null,
    decision      text,
    became_latest boolean     not null
);
create index check_in_by_key_result on check_in (key_result_id, arrival);

alter table alert
    add column cycle_id             uuid,
    add column team                 varchar(255),
    add column trigger_key          varchar(255),
    add column check_in_effective_at timestamptz,
    add column detail               text,
    add column status               varchar(16) not null default 'OPEN',
    add column acknowledged_at      timestamptz,
    add column acknowledged_by      varchar(255),
    add column resolved_at          timestamptz,
    add column resolved_by          varchar(255);
update alert set trigger_key = kind || '/' || key_result_id || '/' || check_in_id where trigger_key is null;
alter table alert alter column trigger_key set not null;
alter table alert add constraint alert_trigger_key unique (trigger_key);
alter table alert alter column objective_id drop not null;
create index alert_open_by_key_result on alert (key_result_id, kind) where status <> 'RESOLVED';

create table webhook_subscription (
    subscription_id uuid         not null primary key,
    url             text         not null,
    team            varchar(255),
    key_result_id   uuid,
    format          varchar(16)  not null,
    created_at      timestamptz  not null,
    created_by      varchar(255) not null,
    check ((team is null) <> (key_result_id is null))
);

-- The delivery queue: written in the transaction that changed the alert, so nothing is lost;
-- one row per (subscription, alert, change), so replays never send twice.
create table webhook_delivery (
    delivery_id     bigserial    not null primary key,
    subscription_id uuid         not null references webhook_subscription on delete cascade,
    alert_id        uuid         not null,
    change          varchar(16)  not null,
    url             text         not null,
    payload         text         not null,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    enqueued_at     timestamptz  not null,
    delivered_at    timestamptz,
    last_error      text,
    unique (subscription_id, alert_id, change)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
