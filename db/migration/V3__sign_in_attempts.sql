-- Sign-in attempts counted per key (a SHA-256 of account, address, or both) in a window of
-- 15 minutes that starts with the key's first attempt. Counted in the database, not in memory:
-- one atomic upsert per attempt, the same for every instance, and kept across restarts.
-- Rows whose window ended are deleted by the application.
create table sign_in_attempt (
    key          char(64)    primary key,
    window_start timestamptz not null,
    attempts     integer     not null
);
create index sign_in_attempt_window_idx on sign_in_attempt (window_start);
