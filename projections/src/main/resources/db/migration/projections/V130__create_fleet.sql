-- The fleet at a glance (the dashboard and GET /api/v1/databases): per database its promotion path, its migrations
-- with their approval state and scripts, and the status of each migration in each environment.
create table fleet_environment (
    generation    integer      not null,
    database_name varchar(255) not null,
    environment   varchar(255) not null,
    path_position integer      not null,
    constraint fleet_environment_pk primary key (generation, database_name, environment)
);

create table fleet_migration (
    generation    integer      not null,
    database_name varchar(255) not null,
    migration_id  varchar(255) not null,
    version       varchar(64)  not null,
    state         varchar(16)  not null,
    script        text,
    down_script   text,
    constraint fleet_migration_pk primary key (generation, database_name, migration_id),
    constraint fleet_migration_state_ck check (state in ('PROPOSED', 'APPROVED', 'REJECTED', 'IMPORTED'))
);

create table fleet_status (
    generation    integer      not null,
    database_name varchar(255) not null,
    environment   varchar(255) not null,
    migration_id  varchar(255) not null,
    status        varchar(16)  not null,
    constraint fleet_status_pk primary key (generation, database_name, environment, migration_id),
    constraint fleet_status_ck check (status in ('APPLIED', 'FAILED', 'ROLLED_BACK'))
);

create index fleet_environment_name_ix on fleet_environment (generation, database_name, path_position);
