-- The people directory's facts the command side checks before a person decides (decision 0045):
-- who is a person, and which owner handle is linked to whom (one person per handle). Written by the
-- directory's subscribing processor in the transaction that appends the person's events.
create table person_directory (
    subject varchar(255) not null primary key
);

create table person_handle_directory (
    handle  varchar(200) not null primary key,
    subject varchar(255) not null references person_directory (subject)
);
create index person_handle_directory_subject on person_handle_directory (subject);
