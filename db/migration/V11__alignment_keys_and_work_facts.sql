-- Alignment across editions (issue 11): every block renders one or more keys of the reference
-- edition; notes keep their label; timeline events have keys; the facts of a work live on the work.

alter table work
    add column reference_language varchar(35),
    add column first_language     varchar(35),
    add column author             text,
    add column published          varchar(10),
    add column original_url       text;

-- the work's facts move from its translations to the work (the Italian edition's values win)
update work w set author = t.author, published = t.published, original_url = t.original_url
from translation t where t.work_id = w.id and t.language = 'it';

alter table translation
    drop column author,
    drop column published,
    drop column original_url,
    add column translated_from varchar(35);

-- the reference keys a block renders, separated by spaces: "key", or "key1 key2" when it merges blocks
alter table block
    add column keys      text,
    add column annotates varchar(120);
update block set keys = anchor;
alter table block alter column keys set not null;
alter table block drop constraint block_kind_check;
alter table block add constraint block_kind_check
    check (kind in ('PARAGRAPH', 'QUOTATION', 'QUESTION', 'ANSWER', 'FIGURE', 'EDITORIAL'));

-- a note's id on the page comes from its label (note-1 for [^1]); number is its place in the list
alter table footnote
    add column anchor varchar(120),
    add column kind   varchar(16) not null default 'AUTHOR' check (kind in ('AUTHOR', 'TRANSLATOR'));
update footnote set anchor = 'note-' || label;
alter table footnote alter column anchor set not null;

alter table timeline_event
    add column key          varchar(120),
    add column outside_text boolean not null default false;
update timeline_event set key = 'event-' || position;
alter table timeline_event alter column key set not null;
