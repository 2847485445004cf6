-- A group's services are fixed at creation (no update in v1). The group row now carries them, in the order
-- given, as three arrays of the same length (handlers as comma-separated names), so that reading a group is
-- one row and no aggregate over published_service. published_service stays (its constraints, the gateway's
-- routing read) and is filled from these arrays by a trigger, so the two cannot disagree: writers insert the
-- group row only.
alter table service_group
    add column service_ports             integer[] not null default '{}',
    add column service_destination_ports integer[] not null default '{}',
    add column service_handlers          text[]    not null default '{}';

alter table service_group disable trigger service_group_changed; -- filling the arrays is no change to publish
update service_group g
   set service_ports = s.ports, service_destination_ports = s.destination_ports, service_handlers = s.handlers
  from (select group_id, array_agg(port order by position) ports,
               array_agg(destination_port order by position) destination_ports,
               array_agg(array_to_string(handlers, ',') order by position) handlers
          from published_service group by group_id) s
 where g.id = s.group_id;
alter table service_group enable trigger service_group_changed;

alter table service_group add constraint service_group_services_check
    check (cardinality(service_ports) = cardinality(service_destination_ports)
           and cardinality(service_ports) = cardinality(service_handlers)
           and array_position(service_ports, null) is null
           and array_position(service_destination_ports, null) is null
           and array_position(service_handlers, null) is null);

create function publish_group_services() returns trigger language plpgsql as $$
begin
    insert into published_service (group_id, position, port, destination_port, handlers)
    select new.id, s.position - 1, s.port, s.destination_port, string_to_array(s.handlers, ',')
      from unnest(new.service_ports, new.service_destination_ports, new.service_handlers) with ordinality
           as s(port, destination_port, handlers, position);
    return null;
end $$;

create trigger service_group_published after insert on service_group
    for each row when (cardinality(new.service_ports) > 0) execute function publish_group_services();

-- the services of a group never change: a change to the arrays would leave published_service behind
create function refuse_service_change() returns trigger language plpgsql as $$
begin
    raise exception 'the services of a service group are fixed at creation';
end $$;

create trigger service_group_services_fixed before update of service_ports, service_destination_ports,
    service_handlers on service_group
    for each row when (old.service_ports is distinct from new.service_ports
                       or old.service_destination_ports is distinct from new.service_destination_ports
                       or old.service_handlers is distinct from new.service_handlers)
    execute function refuse_service_change();
