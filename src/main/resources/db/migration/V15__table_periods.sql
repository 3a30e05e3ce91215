-- The periods each table holds values for, each with the import that brought its first value: kept by every import
-- in its transaction. A table's periods as of an import are those brought by it or before (a stored value is only
-- ever replaced by another of the same key, never removed, so a period once present stays). Listing them from the
-- observations read every observation of the table: 1.4 million for the målgruppe table of the national history,
-- about 0.8 s for each description of the table and each period=latest on its endpoints.
create table stat_table_period (
    table_id  varchar(64) not null references stat_table (id),
    period    varchar(8)  not null,
    import_id bigint      not null references import_run (id),
    constraint stat_table_period_key primary key (table_id, period)
);

insert into stat_table_period (table_id, period, import_id)
select m.table_id, o.period, min(o.import_id)
from stat_observation o
join stat_series s on s.id = o.series_id
join stat_measure m on m.id = s.measure_id
group by m.table_id, o.period;
