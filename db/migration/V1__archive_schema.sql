-- The archive's structure: a work has translations; a translation has sections of blocks,
-- footnotes and timeline events. Markdown is rendered to HTML once, when it is imported or saved.

create table work (
    id         bigserial primary key,
    slug       varchar(120) not null unique,
    created_at timestamptz  not null default now()
);

create table translation (
    id           bigserial primary key,
    work_id      bigint       not null references work (id),
    language     varchar(35)  not null,
    title        text         not null,
    subtitle     text,
    author       text,
    translator   text,
    source       text,
    published    varchar(10),
    original_url text,
    markdown     text         not null,
    content_hash varchar(64)  not null,
    origin       varchar(16)  not null check (origin in ('CONTENT', 'EDITOR')),
    status       varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED')),
    version      bigint       not null default 0,
    updated_at   timestamptz  not null default now(),
    unique (work_id, language)
);

create table section (
    id             bigserial primary key,
    translation_id bigint       not null references translation (id) on delete cascade,
    position       int          not null,
    anchor         varchar(120) not null,
    title          text,
    title_html     text,
    unique (translation_id, position),
    unique (translation_id, anchor)
);

create table block (
    id             bigserial primary key,
    translation_id bigint       not null references translation (id) on delete cascade,
    section_id     bigint       not null references section (id) on delete cascade,
    position       int          not null,
    anchor         varchar(120) not null,
    kind           varchar(16)  not null check (kind in ('PARAGRAPH', 'QUOTATION', 'QUESTION', 'ANSWER', 'FIGURE')),
    exchange       int,
    html           text         not null,
    plain_text     text         not null,
    figure_date    varchar(10),
    figure_credit  text,
    figure_image   text,
    unique (section_id, position),
    unique (translation_id, anchor)
);
create index block_translation_idx on block (translation_id);

create table footnote (
    id             bigserial primary key,
    translation_id bigint      not null references translation (id) on delete cascade,
    number         int         not null,
    label          varchar(60) not null,
    html           text        not null,
    plain_text     text        not null,
    unique (translation_id, number)
);

create table footnote_reference (
    id           bigserial primary key,
    footnote_id  bigint       not null references footnote (id) on delete cascade,
    position     int          not null,
    anchor       varchar(120) not null,
    block_anchor varchar(120) not null,
    unique (footnote_id, position)
);

create table timeline_event (
    id             bigserial primary key,
    translation_id bigint       not null references translation (id) on delete cascade,
    position       int          not null,
    date_start     varchar(10)  not null,
    date_end       varchar(10),
    label          text         not null,
    target_anchor  varchar(120) not null,
    unique (translation_id, position)
);
