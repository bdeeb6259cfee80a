-- The compatibility answer lists an environment's latest deployments and looks up the latest one of another release
-- (N-1); both read the environment's rows newest first.
create index compatibility_release_environment_ix
    on compatibility_release (generation, database_name, environment, sequence_number);
