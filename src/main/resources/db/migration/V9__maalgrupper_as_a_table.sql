-- The built-in målgruppe table becomes a table of the same model as every other (see V8): a curated table
-- "maalgrupper" with one dimension, the target groups of the key-figure appendix (their tree as the member tree),
-- and the measures full-time persons and persons; and a table "befolkning" without dimensions for the population
-- and labour force 16-66, the denominators of shares. Every series of both exists from here on, and the stored
-- observations, with their revisions, move into stat_observation.
insert into stat_table (id, name, source, sort_order) values
    ('maalgrupper', 'Målgrupper (nøgletalsbilagets målgruppeoversigt)', 'Jobindsats', 1),
    ('befolkning', 'Befolkning og arbejdsstyrke 16-66 år', 'Jobindsats', 2);

insert into stat_dimension (table_id, code, label, sort_order) values ('maalgrupper', 'maalgruppe', 'Målgruppe', 10);

insert into stat_member (dimension_id, code, label, sort_order, is_total, parent_id)
select d.id, g.code, g.name, g.sort_order, false, null
from target_group g cross join stat_dimension d
where d.table_id = 'maalgrupper';

update stat_member set parent_id = (
    select p.id from stat_member p join target_group g on g.parent_code = p.code
    where g.code = stat_member.code and p.dimension_id = stat_member.dimension_id)
where dimension_id = (select id from stat_dimension where table_id = 'maalgrupper');

-- kind_set_by 'curated': shipped with the service.
insert into stat_measure (table_id, code, label, kind, kind_set_by, sort_order) values
    ('maalgrupper', 'full-time-persons', 'Antal fuldtidspersoner', 'stock', 'curated', 10),
    ('maalgrupper', 'persons', 'Antal personer', 'head-count', 'curated', 20),
    ('befolkning', 'population-16-66', 'Befolkningen 16-66 år', 'stock', 'curated', 10),
    ('befolkning', 'labour-force-16-66', 'Arbejdsstyrken 16-66 år', 'stock', 'curated', 20);

insert into stat_series (measure_id, members)
select m.id, cast(g.id as varchar(20))
from stat_measure m cross join stat_member g join stat_dimension d on d.id = g.dimension_id
where m.table_id = 'maalgrupper' and d.table_id = 'maalgrupper';

insert into stat_series (measure_id, members)
select m.id, '' from stat_measure m where m.table_id = 'befolkning';

insert into stat_observation (series_id, area_code, period, period_start, period_end, obs_value, status, import_id,
                              superseded_by)
select s.id, o.area_code, o.period, o.period_start, o.period_end, o.obs_value, o.status, o.import_id,
       o.superseded_by
from observation o
join stat_measure m on m.code = o.measure and m.table_id in ('maalgrupper', 'befolkning')
join stat_series s on s.measure_id = m.id
left join stat_member g on cast(g.id as varchar(20)) = s.members
where (o.target_group_code is null and s.members = '') or g.code = o.target_group_code
order by o.area_code, o.period_start, o.id;

drop table observation;

-- Reads of the målgruppe table ask for some areas within a span of periods, across all target groups.
create index stat_observation_area_period on stat_observation (area_code, period_start, series_id);
