-- Marks a database whose first start completed: its schema migrated and, where enabled, the demo data loaded
-- (see FirstStart). An embedded database without the mark holds the remains of a killed first start and is built
-- again on the next start.
create table installation (
    id           integer   not null primary key,
    completed_at timestamp not null
);

-- A database that was in use before the mark existed is complete.
insert into installation (id, completed_at)
select 1, current_timestamp from data_version
where id = 1 and (exists (select 1 from import_run) or exists (select 1 from area where type = 'CLUSTER'));
