-- Axon's JDBC event store, with readable bytea JSON payloads and a BIGSERIAL global index.
create table domainevententry (
    globalindex         bigserial    not null primary key,
    eventidentifier     varchar(255) not null unique,
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255),
    timestamp           varchar(255) not null,
    payloadtype         varchar(255) not null,
    payloadrevision     varchar(255),
    payload             bytea        not null,
    metadata            bytea,
    unique (aggregateidentifier, sequencenumber)
);

create table snapshotevententry (
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255) not null,
    eventidentifier     varchar(255) not null unique,
    timestamp           varchar(255) not null,
    payloadtype         varchar(255) not null,
    payloadrevision     varchar(255),
    payload             bytea        not null,
    metadata            bytea,
    primary key (aggregateidentifier, sequencenumber)
);

-- Positions of the streaming processors; the kafka-publisher's row is the outbox position.
create table tokenentry (
    processorname varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokentype     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorname, segment)
);

-- The command side's lookup of references between aggregates (see Directory.java).
create table cycle_directory (
    cycle_id  uuid        not null primary key,
    starts_on date        not null,
    ends_on   date        not null,
    cadence   varchar(16) not null,
    status    varchar(16) not null
);

create table objective_directory (
    objective_id uuid         not null primary key,
    cycle_id     uuid         not null references cycle_directory (cycle_id),
    team         varchar(200) not null
);

create table key_result_directory (
    key_result_id uuid not null primary key,
    objective_id  uuid not null references objective_directory (objective_id),
    cycle_id      uuid not null references cycle_directory (cycle_id)
);
