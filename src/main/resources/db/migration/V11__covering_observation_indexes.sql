-- The two indexes of stat_observation become covering: each holds every column a read of observations uses, so a
-- read takes its rows from the index alone instead of looking up each one by primary key (with the national
-- dataset that lookup was about half of a ranking's time, and read pages all over the table). The leading columns
-- stay as they were, so every query that used an index uses its replacement the same way:
--  - by series and period: a ranking reads each series' span of periods, for all areas;
--  - by area and period: key figures, reports and imports read a few areas' span of periods, across series.
drop index if exists stat_observation_series_period;
drop index if exists stat_observation_area_period;
create index stat_observation_series_period on stat_observation
    (series_id, period_start, area_code, period_end, period, import_id, superseded_by, obs_value, status);
create index stat_observation_area_period on stat_observation
    (area_code, period_start, series_id, period_end, period, import_id, superseded_by, obs_value, status);
