-- Up to three notes per mistake with the evidence for it: text spans (offsets into the redacted
-- text) and metadata fields, for notes whose current tags have that mistake. Notes with text
-- evidence come first, then by note_id; a few candidates per feature are picked from the
-- evidence first so that the whole warehouse is never sorted.
-- Contract: (feature, note_id) unique; at most 3 rows per feature.
with evidence as (
    select * from tag_evidence
    where feature in ('generic', 'thanks_only', 'gift', 'prewritten', 'handed_on_exit')
),

tags as (
    select note_id, tagger_version, generic, thanks_only, gift, prewritten, handed_on_exit
    from note_tags
),

tagged as (
    unpivot tags
    on generic, thanks_only, gift, prewritten, handed_on_exit
    into name feature value present
),

candidates as (
    select feature, source, unnest(min(note_id, 25)) as note_id
    from evidence
    group by feature, source
),

per_note as (
    select
        evidence.note_id,
        evidence.feature,
        list({'span_start': span_start, 'span_end': span_end, 'rule': rule}
            order by span_start) filter (where source = 'text') as spans,
        list(distinct rule) filter (where source = 'metadata') as metadata_rules,
        string_agg(distinct fields, '; ') filter (where source = 'metadata') as metadata_fields,
        count(*) filter (where source = 'text') as text_spans
    from evidence
    inner join (select distinct feature, note_id from candidates) as picked
        on evidence.note_id = picked.note_id and evidence.feature = picked.feature
    inner join tagged
        on evidence.note_id = tagged.note_id
        and evidence.feature = tagged.feature
        and evidence.tagger_version = tagged.tagger_version
    where tagged.present
    group by evidence.note_id, evidence.feature
),

ranked as (
    select
        *,
        row_number() over (
            partition by feature order by (text_spans > 0) desc, note_id
        ) as example
    from per_note
),

final as (
    select
        ranked.feature,
        ranked.example,
        ranked.note_id,
        notes.text,
        ranked.spans,
        ranked.metadata_rules,
        ranked.metadata_fields
    from ranked
    inner join notes using (note_id)
    where ranked.example <= 3
)

select * from final
order by feature, example
