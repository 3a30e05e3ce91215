-- One row counting the writes (imports and cluster changes): responses are tagged with it for caching, and an
-- import locks it for its whole transaction, so that imports run one at a time across service instances too.
create table data_version (
    id      integer not null primary key,
    version bigint  not null
);

insert into data_version (id, version) values (1, 0);
