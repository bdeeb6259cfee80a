-- The compatibility answer lists each environment's latest deployments and how many were reported there in all.
-- Counting them per request read and sorted every deployment of the database (5,000 at the benchmark's largest, about
-- 9 ms); the count is now kept per environment as deployments are projected, and the latest ones are the top of
-- compatibility_release_environment_ix (V184).
create table compatibility_release_tally (
    generation    integer      not null,
    database_name varchar(255) not null,
    environment   varchar(255) not null,
    deployments   bigint       not null,
    constraint compatibility_release_tally_pk primary key (generation, database_name, environment)
);

insert into compatibility_release_tally (generation, database_name, environment, deployments)
select generation, database_name, environment, count(*)
from compatibility_release
group by generation, database_name, environment;
