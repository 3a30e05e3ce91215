-- Comparison groups of municipalities (klynger). A cluster is an area of type CLUSTER; its values are the sums
-- over its members, never stored.
create table cluster_member (
    cluster_code      varchar(16) not null references area (code) on delete cascade,
    municipality_code varchar(16) not null references area (code),
    primary key (cluster_code, municipality_code)
);
