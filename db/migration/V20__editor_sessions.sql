-- Editors' sessions, shared by every instance of the app (Spring Session JDBC reads and writes
-- these two tables; their names and columns are the ones it queries). A signed-in editor may be
-- answered by any instance behind the load balancer, and a restart signs nobody out.
-- The version number is high on purpose: other schema changes may take the numbers below it.

create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);

create unique index spring_session_by_session_id on spring_session (session_id);
-- the clean-up job deletes expired sessions every minute
create index spring_session_by_expiry on spring_session (expiry_time);
-- disabling an editor ends their sessions, found by name
create index spring_session_by_principal on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
