{#- LEAD-STAFF-REPORTING-YEAR: the school year the KECS LEAD reports cover. The editor's Date Range end
    (var lead_end_date; blank = var report_run_date, "the current date") falls in exactly one 7/1-6/30 school year;
    dates from July on belong to the next end year. Computed at compile time: one row of literals. -#}
{%- set end_date_text = var('lead_end_date') or var('report_run_date') -%}
{%- set end_date = modules.datetime.datetime.strptime(end_date_text, '%Y-%m-%d').date() -%}
{%- set end_year = end_date.year + (1 if end_date.month >= 7 else 0) -%}
with

reporting_year as (
    select
        {{ end_year }} as end_year,
        cast('{{ end_year - 1 }}-07-01' as date) as year_start_date,
        cast('{{ end_year }}-06-30' as date) as year_end_date
)

select * from reporting_year
