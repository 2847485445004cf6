-- Service groups, their published ports, the instances attached to them, API tokens,
-- and change events (NOTIFY on channel sg_changes) for every change to a group or an instance.

create table service_group (
    id          uuid        primary key,
    owner       text        not null,
    name        text        not null,
    fqdn        text        not null,
    persistent  boolean     not null,
    soft_limit  integer     not null,
    hard_limit  integer     not null,
    created_at  timestamptz not null,
    constraint service_group_owner_name_key unique (owner, name),
    constraint service_group_name_check check (name ~ '^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$'),
    constraint service_group_fqdn_check check (fqdn = lower(fqdn) and length(fqdn) between 1 and 253),
    constraint service_group_limits_check
        check (soft_limit between 1 and 65535 and hard_limit between 1 and 65535 and soft_limit <= hard_limit)
);
-- DNS names are unique across all users, compared case-insensitively.
create unique index service_group_fqdn_key on service_group (lower(fqdn));
create index service_group_owner_created_idx on service_group (owner, created_at, id);

create table published_service (
    group_id         uuid     not null references service_group (id) on delete cascade,
    position         smallint not null,
    port             integer  not null check (port between 1 and 65535),
    destination_port integer  not null check (destination_port between 1 and 65535),
    handlers         text[]   not null check (handlers <@ array['tls', 'http', 'redirect']::text[]
                                              and cardinality(handlers) between 1 and 3),
    primary key (group_id, port)
);
create index published_service_port_idx on published_service (port);

-- An instance belongs to at most one group; a group cannot be deleted while one references it.
create table instance (
    id                uuid        primary key,
    owner             text        not null,
    name              text        not null,
    address           text        not null,
    state             text        not null check (state in ('running', 'draining', 'stopped')),
    service_group_id  uuid        references service_group (id) on delete restrict,
    seq               bigint      generated always as identity,
    drain_deadline    timestamptz,
    created_at        timestamptz not null,
    constraint instance_owner_name_key unique (owner, name),
    constraint instance_name_check check (name ~ '^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$'),
    constraint instance_drain_check check ((state = 'draining') = (drain_deadline is not null))
);
create index instance_group_idx on instance (service_group_id, seq) where service_group_id is not null;
create index instance_owner_created_idx on instance (owner, created_at, id);
create index instance_drain_idx on instance (drain_deadline) where drain_deadline is not null;

-- Tokens are stored as SHA-256 hashes only. At most one token is generated (the zero-setup first token).
create table api_token (
    token_sha256 bytea       primary key,
    owner        text        not null,
    generated    boolean     not null,
    created_at   timestamptz not null default now()
);
create unique index api_token_one_generated_key on api_token (generated) where generated;

-- Change events: {"entity", "change": created|updated|deleted, "uuid", "owner", "fields"?, "service_group"?}.
create function notify_change() returns trigger language plpgsql as $$
declare
    row_now  jsonb := case when TG_OP = 'DELETE' then to_jsonb(OLD) else to_jsonb(NEW) end;
    payload  jsonb;
begin
    payload := jsonb_build_object(
        'entity', TG_TABLE_NAME,
        'change', case TG_OP when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end,
        'uuid', row_now -> 'id',
        'owner', row_now -> 'owner');
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

create trigger service_group_changed after insert or update or delete on service_group
    for each row execute function notify_change();
create trigger instance_changed after insert or update or delete on instance
    for each row execute function notify_change();
