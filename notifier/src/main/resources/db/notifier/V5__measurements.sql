-- The latest value's moment in effective order, over check-ins (effectiveAt) and measurements
-- (observedAt): only a value at or after it is judged for pace. Check-ins alone keep
-- last_effective_at, which the missed-check-in rule reads (a measurement is no check-in).
alter table key_result add column last_value_at timestamptz;
update key_result set last_value_at = last_effective_at;
