-- Jobindsats names for our target groups, beyond the catalogue's own names (which always match).
-- Plain "Uddannelseshjælp" is deliberately absent: the catalogue splits it into two top-level groups,
-- so such a file must name the uddannelsesparate or aktivitetsparate part.
insert into target_group_label (label, target_group_code) values
    ('Forsikrede ledige', 'forsikrede-ledige'),
    ('A-dagpenge', 'dagpenge'),
    ('Dagpenge', 'dagpenge'),
    ('Ny midlertidig kontantydelse', 'ny-midlertidig-kontantydelse'),
    ('Jobparate kontanthjælpsmodtagere', 'kontanthjaelp-jobparate'),
    ('Kontanthjælp, jobparate', 'kontanthjaelp-jobparate'),
    ('Aktivitetsparate kontanthjælpsmodtagere', 'kontanthjaelp-aktivitetsparate'),
    ('Kontanthjælp, aktivitetsparate', 'kontanthjaelp-aktivitetsparate'),
    ('Selvforsørgelses- og hjemrejseydelse samt overgangsydelse', 'integrationsydelse'),
    ('Integrationsydelse, jobparate', 'integrationsydelse-jobparate'),
    ('Integrationsydelse, aktivitetsparate', 'integrationsydelse-aktivitetsparate'),
    ('Forrevalidering', 'forrevalidender'),
    ('Uddannelsesparate uddannelseshjælpsmodtagere', 'uddannelseshjaelp'),
    ('Uddannelseshjælp, uddannelsesparate', 'uddannelseshjaelp'),
    ('Aktivitetsparate uddannelseshjælpsmodtagere', 'uddannelseshjaelp-aktivitetsparate'),
    ('Uddannelseshjælp, aktivitetsparate', 'uddannelseshjaelp-aktivitetsparate');
