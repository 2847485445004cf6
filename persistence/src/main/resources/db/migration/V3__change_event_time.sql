-- Change events carry the time they were published ("at", epoch milliseconds), so that every gateway replica
-- can measure how long a change takes to reach its routing table (metric sg_gateway_change_lag).
create or replace function notify_change() returns trigger language plpgsql as $$
declare
    row_now  jsonb := case when TG_OP = 'DELETE' then to_jsonb(OLD) else to_jsonb(NEW) end;
    payload  jsonb;
begin
    payload := jsonb_build_object(
        'entity', TG_TABLE_NAME,
        'change', case TG_OP when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end,
        'uuid', row_now -> 'id',
        'owner', row_now -> 'owner',
        'at', floor(extract(epoch from clock_timestamp()) * 1000)::bigint);
    if TG_OP = 'UPDATE' then
        payload := payload || jsonb_build_object('fields', (
            select coalesce(jsonb_agg(n.key order by n.key), '[]'::jsonb)
            from jsonb_each(to_jsonb(NEW)) n
            where n.value is distinct from to_jsonb(OLD) -> n.key));
    end if;
    if TG_TABLE_NAME = 'instance' then
        payload := payload || jsonb_build_object('service_group', row_now -> 'service_group_id');
    end if;
    perform pg_notify('sg_changes', payload::text);
    return null;
end;
$$;
