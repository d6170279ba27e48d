alter table objective_directory add column parent_objective_id uuid;
alter table objective_directory add column retired boolean not null default false;
create index key_result_directory_by_cycle on key_result_directory (cycle_id);
