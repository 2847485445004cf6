-- Tenancy in the schema: an instance can only reference a group of its own owner.
alter table service_group add constraint service_group_owner_id_key unique (owner, id);
alter table instance drop constraint instance_service_group_id_fkey;
alter table instance add constraint instance_service_group_id_fkey
    foreign key (owner, service_group_id) references service_group (owner, id) on delete restrict;

-- The place of a deleted group or instance in the "list all" order (created_at, id), so that a listing whose
-- ?from= object was deleted meanwhile goes on after it. Places are kept for 7 days.
create table deleted_place (
    entity      text        not null check (entity in ('service_group', 'instance')),
    id          uuid        not null,
    owner       text        not null,
    created_at  timestamptz not null,
    deleted_at  timestamptz not null default now(),
    primary key (entity, id)
);
create index deleted_place_deleted_at_idx on deleted_place (deleted_at);

create function keep_deleted_place() returns trigger language plpgsql as $$
begin
    delete from deleted_place where deleted_at < now() - interval '7 days';
    insert into deleted_place (entity, id, owner, created_at)
        values (TG_TABLE_NAME, OLD.id, OLD.owner, OLD.created_at)
        on conflict do nothing;
    return null;
end;
$$;

create trigger service_group_deleted_place after delete on service_group
    for each row execute function keep_deleted_place();
create trigger instance_deleted_place after delete on instance
    for each row execute function keep_deleted_place();
