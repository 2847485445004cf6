-- A group's attached instances, in order of attachment (instance.seq), are also on its row: reading a group or a
-- page of groups is then their rows only, without an aggregate over instance per read (a third of PostgreSQL's
-- work for a page of 100). The array is kept by a trigger on instance, never written by the application.
alter table service_group add column instance_ids uuid[] not null default '{}';

alter table service_group disable trigger service_group_changed; -- filling the array is no change to publish
update service_group g
   set instance_ids = s.ids
  from (select service_group_id, array_agg(id order by seq) ids
          from instance where service_group_id is not null group by service_group_id) s
 where g.id = s.service_group_id;
alter table service_group enable trigger service_group_changed;

-- Recomputes one group's array. The row is locked first, in a statement of its own: the update that follows
-- takes a new snapshot once the lock is held, so it sees every attachment committed by a transaction that held
-- the lock before (an update waiting for the lock would keep its older snapshot for the subquery and lose it).
create function refresh_group_instances(group_id uuid) returns void language plpgsql as $$
begin
    perform 1 from service_group where id = group_id for no key update;
    update service_group
       set instance_ids = array(select n.id from instance n where n.service_group_id = group_id order by n.seq)
     where id = group_id;
end $$;

create function instance_attachment_changed() returns trigger language plpgsql as $$
begin
    if TG_OP <> 'INSERT' and old.service_group_id is not null
            and (TG_OP = 'DELETE' or old.service_group_id is distinct from new.service_group_id) then
        perform refresh_group_instances(old.service_group_id);
    end if;
    if TG_OP <> 'DELETE' and new.service_group_id is not null
            and (TG_OP = 'INSERT' or old.service_group_id is distinct from new.service_group_id) then
        perform refresh_group_instances(new.service_group_id);
    end if;
    return null;
end $$;

create trigger instance_attachment after insert or delete or update of service_group_id on instance
    for each row execute function instance_attachment_changed();

-- The instance's own event announces an attachment: the group's array changing is not a change of the group.
drop trigger service_group_changed on service_group;
create trigger service_group_changed after insert or delete on service_group
    for each row execute function notify_change();
create trigger service_group_updated after update on service_group
    for each row when ((to_jsonb(old) - 'instance_ids') is distinct from (to_jsonb(new) - 'instance_ids'))
    execute function notify_change();

-- only the trigger writes the array
create function refuse_instance_ids_change() returns trigger language plpgsql as $$
begin
    if pg_trigger_depth() < 2 then
        raise exception 'the instances of a service group follow instance.service_group_id';
    end if;
    return new;
end $$;

create trigger service_group_instances_derived before update of instance_ids on service_group
    for each row when (old.instance_ids is distinct from new.instance_ids)
    execute function refuse_instance_ids_change();
