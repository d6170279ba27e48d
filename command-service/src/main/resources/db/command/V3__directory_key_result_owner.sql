-- who owns a key result decides, with its team, who may change it; backfilled from the log
alter table key_result_directory add column owner varchar(200);
update key_result_directory k
   set owner = (select convert_from(e.payload, 'UTF8')::json ->> 'owner'
                  from domainevententry e
                 where e.aggregateidentifier = k.key_result_id::text
                   and e.payloadtype = 'dev.okrledger.contract.event.KeyResultDefined');
