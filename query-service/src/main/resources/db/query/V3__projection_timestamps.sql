-- When the query side applied a check-in: check-in-to-dashboard freshness is projected_at minus
-- the moment the command service answered (the benchmark reads it; see docs/performance.md).
alter table check_in_history add column projected_at timestamptz not null default clock_timestamp();
