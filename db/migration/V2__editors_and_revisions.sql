-- Editing on the site: editor accounts, every saved text of a translation (revisions), and an
-- audit log. Authors and actors are kept as names, not foreign keys: history outlives accounts.

create table editor (
    id            bigserial primary key,
    username      varchar(60)  not null unique,
    password_hash varchar(200) not null,
    administrator boolean      not null default false,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

-- Every save is a revision; nothing is updated or deleted here. The translation's own row (and its
-- sections, blocks, notes, timeline) holds the published text, the revision named below.
create table translation_revision (
    id             bigserial primary key,
    translation_id bigint      not null references translation (id) on delete cascade,
    number         int         not null,
    markdown       text        not null,
    content_hash   varchar(64) not null,
    author         varchar(60) not null,
    message        text        not null,
    created_at     timestamptz not null default now(),
    unique (translation_id, number)
);

alter table translation add column published_revision int;

-- Translations imported before this migration start their history with the text they have now.
insert into translation_revision (translation_id, number, markdown, content_hash, author, message, created_at)
select id, 1, markdown, content_hash, 'content/', 'Imported from the content folder', updated_at from translation;
update translation set published_revision = 1 where status = 'PUBLISHED';

create table audit_event (
    id         bigserial primary key,
    at         timestamptz  not null,
    actor      varchar(60)  not null,
    action     varchar(40)  not null,
    detail     text         not null,
    address    varchar(64)
);
create index audit_event_at_idx on audit_event (at desc);
