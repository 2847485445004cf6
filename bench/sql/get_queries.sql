-- pgbench: the three statements the app runs for GET /v1/services/<uuid> (as Hibernate issues them),
-- each a round trip, outside a transaction. The first also looks the random id up in bench.ids.
\set k random(1, :n)
select g.id as gid, g.created_at, g.fqdn, g.hard_limit, g.name, g.owner, g.persistent, g.soft_limit
  from bench.ids b join service_group g on g.id = b.id
 where b.n = :k and g.owner = :owner
offset 0 rows fetch first 1 rows only \gset
select group_id, port, destination_port, handlers, position
  from published_service where group_id in (:gid) order by group_id, position;
select service_group_id, id from instance where service_group_id in (:gid) order by seq;
