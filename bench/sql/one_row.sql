-- pgbench baseline: one service_group row by its id, a random one of the :n loaded groups.
-- bench.ids (n -> id) is filled by bench/run.sh; the join adds one int-key index probe.
\set k random(1, :n)
select g.id, g.owner, g.name, g.fqdn, g.persistent, g.soft_limit, g.hard_limit, g.created_at
  from bench.ids b join service_group g on g.id = b.id
 where b.n = :k;
