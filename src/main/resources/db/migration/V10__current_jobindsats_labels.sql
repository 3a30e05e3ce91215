-- The labels current Jobindsats tables (API v3, dimension "Ydelsesgrupper") give our target groups, where a label
-- names exactly one group of the catalogue. Matching is case-insensitive.
--
-- Not here, on purpose:
-- * "Førtidspension", "Fleksjob", "Ledighedsydelse", "Ressourceforløb", "Jobafklaringsforløb", "Revalidering",
--   "Sygedagpenge" and "Kontanthjælp" are the catalogue's own names, which always match.
-- * "Uddannelseshjælp" in any form ("Uddannelseshjælp", "Uddannelseshjælp mv."): the catalogue splits it into two
--   top-level groups, uddannelseshjaelp (uddannelsesparate) and uddannelseshjaelp-aktivitetsparate, and a label for
--   both together can be stored as neither (see V3).
-- * "Ydelsesgrupper i alt" and "I alt": Jobindsats' total over all groups. The service computes "I alt" itself as
--   the sum of the top-level groups and never stores one; the import skips such rows and counts them (skippedRows).
insert into target_group_label (label, target_group_code) values
    ('A-dagpenge mv.', 'dagpenge'),
    ('Kontanthjælp mv.', 'kontanthjaelp'),
    ('Sygedagpenge mv.', 'sygedagpenge');
