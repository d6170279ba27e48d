-- The measurement that holds the key result's latest value in effective order, when one does (null
-- when a check-in holds it): a target change, and a cycle arriving late, judge pace on that value.
-- Key results measured before this migration fall back to their latest check-in until the next
-- measurement or check-in.
alter table key_result
    add column last_measurement_id     uuid,
    add column last_measured_value     numeric,
    add column last_measurement_source varchar(200);
