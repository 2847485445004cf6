package io.servicegroups.persistence;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.Handler;
import io.servicegroups.core.InstanceState;
import io.servicegroups.core.PublishedService;
import io.servicegroups.core.routing.RoutableGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Reads what the gateway routes: groups that publish at least one port, with their services and the instances
 * that are not stopped. One statement, so the gateway sees one consistent state of the database; all of them
 * at start and after a reconnect, only the changed ones after a change event.
 */
@ApplicationScoped
public class RoutableGroups {
    static final String QUERY = """
            select g.id, g.fqdn, g.soft_limit, g.hard_limit,
                   (select json_agg(json_build_object('port', s.port, 'destination_port', s.destination_port,
                                                      'handlers', s.handlers) order by s.position)
                      from published_service s where s.group_id = g.id) as services,
                   (select coalesce(json_agg(json_build_object('id', i.id, 'address', i.address, 'state', i.state)
                                             order by i.seq), '[]'::json)
                      from instance i where i.service_group_id = g.id and i.state <> 'stopped') as backends
              from service_group g
             where exists (select 1 from published_service s where s.group_id = g.id)""";

    private final Pool pool;

    public RoutableGroups(Pool pool) {
        this.pool = pool;
    }

    /** Every routed group. */
    public Uni<List<RoutableGroup>> all() {
        return pool.query(QUERY).execute().map(RoutableGroups::toGroups);
    }

    /** Those of {@code ids} that exist and publish a port (a missing one is deleted or publishes nothing). */
    public Uni<List<RoutableGroup>> byIds(Collection<UUID> ids) {
        return pool.preparedQuery(QUERY + " and g.id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(RoutableGroups::toGroups);
    }

    private static List<RoutableGroup> toGroups(RowSet<Row> rows) {
        List<RoutableGroup> groups = new ArrayList<>(rows.size());
        for (Row row : rows) {
            groups.add(toGroup(row));
        }
        return groups;
    }

    private static RoutableGroup toGroup(Row row) {
        return new RoutableGroup(row.getUUID("id"), row.getString("fqdn"), services(asArray(row.getValue("services"))),
                new ConcurrencyLimits(row.getInteger("soft_limit"), row.getInteger("hard_limit")),
                backends(asArray(row.getValue("backends"))));
    }

    private static JsonArray asArray(Object value) {
        if (value instanceof JsonArray array) {
            return array;
        }
        return value == null ? new JsonArray() : new JsonArray(value.toString());
    }

    private static List<PublishedService> services(JsonArray rows) {
        List<PublishedService> services = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject service = rows.getJsonObject(i);
            List<Handler> handlers = new ArrayList<>();
            for (Object name : service.getJsonArray("handlers")) {
                Handler.fromWireName((String) name).ifPresent(handlers::add);
            }
            services.add(new PublishedService(service.getInteger("port"), service.getInteger("destination_port"),
                    handlers));
        }
        return services;
    }

    private static List<RoutableGroup.Backend> backends(JsonArray rows) {
        List<RoutableGroup.Backend> backends = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject backend = rows.getJsonObject(i);
            backends.add(new RoutableGroup.Backend(UUID.fromString(backend.getString("id")),
                    backend.getString("address"), InstanceState.fromWireName(backend.getString("state")).orElseThrow()));
        }
        return backends;
    }
}
