-- The translators' workbench (issue 12): translations kept block by block beside the reference
-- edition, each block remembering the version of the source it was translated from.

-- Every version a reference passage has had, by the hash of its normalised text, so that the text
-- a translation was made from stays readable after the source changes (and a revert finds it again).
create table source_version (
    work_id    bigint       not null references work (id) on delete cascade,
    key        varchar(120) not null,
    hash       varchar(64)  not null,
    markdown   text         not null,
    first_seen timestamptz  not null,
    primary key (work_id, key, hash)
);

-- The reference edition's passages as published now: their order and current version.
create table source_current (
    work_id    bigint       not null references work (id) on delete cascade,
    key        varchar(120) not null,
    hash       varchar(64)  not null,
    position   int          not null,
    changed_at timestamptz  not null,
    primary key (work_id, key)
);

-- A translation's passage as the workbench holds it (a draft until published). source_hash names
-- the source version it was translated from: "outdated" is a comparison with source_current.
create table translation_unit (
    translation_id bigint       not null references translation (id) on delete cascade,
    key            varchar(120) not null,
    markdown       text         not null,
    source_hash    varchar(64),
    suggestion     text,
    version        int          not null default 1,
    author         varchar(60)  not null,
    updated_at     timestamptz  not null,
    primary key (translation_id, key)
);

create table translation_unit_history (
    id             bigserial primary key,
    translation_id bigint       not null references translation (id) on delete cascade,
    key            varchar(120) not null,
    markdown       text         not null,
    source_hash    varchar(64),
    author         varchar(60)  not null,
    at             timestamptz  not null
);
create index translation_unit_history_idx on translation_unit_history (translation_id, key, at desc);

-- What readers see of a published translation, passage by passage: the source version each passage
-- was translated from, or fallback when the reference's text stands in for a missing translation.
create table edition_passage (
    translation_id bigint       not null references translation (id) on delete cascade,
    key            varchar(120) not null,
    source_hash    varchar(64),
    fallback       boolean      not null,
    primary key (translation_id, key)
);

-- The languages an editor may translate, separated by spaces; null for every language.
alter table editor add column languages text;
