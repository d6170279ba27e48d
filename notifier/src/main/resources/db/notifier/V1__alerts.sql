-- Position of each aggregate's stream already applied here: makes redelivery harmless.
create table applied_position (
    aggregate_id  varchar(255) not null primary key,
    last_sequence bigint       not null
);

-- alert_id is derived from the trigger (kind, key result, check-in): one alert per trigger, ever.
create table alert (
    alert_id        uuid        not null primary key,
    key_result_id   uuid        not null,
    objective_id    uuid        not null,
    check_in_id     uuid,
    kind            varchar(32) not null,
    severity        varchar(16) not null,
    from_confidence integer,
    to_confidence   integer,
    raised_at       timestamptz not null
);
create index alert_by_key_result on alert (key_result_id, raised_at);
