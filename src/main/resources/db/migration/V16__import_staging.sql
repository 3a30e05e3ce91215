-- Where an import's observations wait on H2 between being read and being merged (see ImportStaging): a table of the
-- store, filled and emptied within the import's transaction, so that it is empty whenever no import runs. It was a
-- local temporary table before; a kill -9 while a large import was being committed then left a database H2 could not
-- open again: its recovery met the temporary table's rows in the undo log, whose map a restart no longer has
-- ("Unable to read the page ...", "MVMap.getKeyType() ... is null"). PostgreSQL stages in a temporary table of the
-- import's session instead (COPY), which its recovery never meets, with this table's columns (create ... (like
-- import_staging)); there this table stays empty.
create table import_staging (
    series_id    bigint         not null,
    area_code    varchar(16)    not null,
    period       varchar(8)     not null,
    period_start date           not null,
    period_end   date           not null,
    obs_value    decimal(19, 6),
    status       varchar(16)    not null,
    location     varchar(200),
    line         integer
);
