-- The ids of stored observations are drawn from their sequence in steps of 10,000 rather than a few: H2 writes its
-- store each time a step is used up, and an import of a million observations in one transaction spent its time
-- there (MVStore.commit from Sequence.flush, seen in a thread dump of a national import). Ids may skip after a
-- restart; nothing reads meaning into them.
alter table stat_observation alter column id set cache 10000;
