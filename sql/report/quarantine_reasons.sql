-- The most common reasons rows were quarantined. Contract: (rule, column_name) unique.
with quarantined as (
    select * from quarantine
),

final as (
    select
        rule,
        coalesce(column_name, '') as column_name,
        count(*) as rows_quarantined,
        count(distinct file_hash) as files
    from quarantined
    group by rule, coalesce(column_name, '')
)

select * from final
order by rows_quarantined desc, rule
limit 10
