-- A dropped key result, or any key result of a retired objective, is no longer pursued: its open
-- alerts are resolved, the missed-check-in scan skips it and no rule raises anything for it.
alter table key_result add column dropped boolean not null default false;
alter table objective add column retired boolean not null default false;
