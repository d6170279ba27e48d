-- Runs once, on the first start of an empty data volume (docker-entrypoint-initdb.d),
-- as POSTGRES_USER, which therefore owns the databases. One database per service (the dashboard's holds its sessions), and Keycloak's.
CREATE DATABASE okr_command;
CREATE DATABASE okr_query;
CREATE DATABASE okr_notifier;
CREATE DATABASE okr_dashboard;
CREATE DATABASE keycloak;
