-- When the query side took an event in (same transaction as its projection): check-in-to-dashboard
-- freshness is received_at minus the moment the command service answered (see docs/performance.md).
-- In event_log, which a rebuild never rewrites, so the figure survives rebuilds.
alter table event_log add column received_at timestamptz not null default clock_timestamp();
