-- The people directory (decision 0045): one row per person, from PersonRegistered, PersonProfileUpdated,
-- PersonTeamsChanged and PersonHandlesChanged. Teams, teams led and the key-result owner handles linked
-- to the person are arrays in name order; version is the person's last event sequence (the command
-- side's If-Match). A read model like the others: the rebuild copies and refills it.
create table person_view (
    subject       varchar(255) not null primary key,
    display_name  text         not null,
    email         text,
    time_zone     varchar(64),
    teams         text[]       not null default '{}',
    leads         text[]       not null default '{}',
    handles       text[]       not null default '{}',
    version       bigint       not null,
    registered_at timestamptz  not null,
    updated_at    timestamptz  not null
);
create index person_view_handles on person_view using gin (handles);
