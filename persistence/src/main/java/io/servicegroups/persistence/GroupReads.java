package io.servicegroups.persistence;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.PageRequest;
import io.servicegroups.core.PublishedService;
import io.servicegroups.core.RuleViolation;
import io.servicegroups.core.ServiceGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The read side of service groups: each read is one prepared statement on the Vert.x pool (no session, no
 * entities) over the groups' rows, which carry their services and instance uuids as arrays.
 */
@ApplicationScoped
public class GroupReads {
    /** The group's row: its services and its instances' uuids are arrays in it (migrations V5 and V6). */
    private static final String DETAILS = "select g.id, g.owner, g.name, g.fqdn, g.persistent, g.soft_limit,"
            + " g.hard_limit, g.created_at, g.service_ports, g.service_destination_ports, g.service_handlers,"
            + " g.instance_ids from %s g";
    private static final String BRIEF = "select g.id, g.owner, g.name, g.fqdn, g.persistent, g.soft_limit,"
            + " g.hard_limit, g.created_at, null::int[] service_ports, null::int[] service_destination_ports,"
            + " null::text[] service_handlers, null::uuid[] instance_ids from %s g";
    private static final String ORDER = " order by g.created_at, g.id";

    private final Pool pool;

    public GroupReads(Pool pool) {
        this.pool = pool;
    }

    /**
     * The owner's groups among {@code uuids} and {@code names}, in one statement; those not found are absent.
     * Without details, services and instances are empty.
     */
    public Uni<List<ServiceGroup>> find(String owner, Collection<UUID> uuids, Collection<String> names,
                                        boolean details) {
        if (uuids.isEmpty() && names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String where;
        Tuple args = Tuple.of(owner);
        if (names.isEmpty() && uuids.size() == 1) {
            // a scalar, not a one-element array: PostgreSQL then keeps the statement's generic plan instead of
            // planning each execution anew (which cost more than running it)
            where = "id = $2";
            args.addUUID(uuids.iterator().next());
        } else if (names.isEmpty()) {
            where = "id = any($2)";
            args.addArrayOfUUID(uuids.toArray(UUID[]::new));
        } else if (uuids.isEmpty()) {
            where = "name = any($2)";
            args.addArrayOfString(names.toArray(String[]::new));
        } else {
            where = "(id = any($2) or name = any($3))";
            args.addArrayOfUUID(uuids.toArray(UUID[]::new)).addArrayOfString(names.toArray(String[]::new));
        }
        String from = "(select * from service_group where owner = $1 and " + where + ")";
        return run(String.format(details ? DETAILS : BRIEF, from), args);
    }

    /**
     * A page of the owner's groups ordered by creation time, then uuid, in one statement.
     *
     * @throws RuleViolation {@link ErrorCode#NOT_FOUND} when {@code page.after()} is not one of the owner's groups
     */
    public Uni<List<ServiceGroup>> page(String owner, PageRequest page, boolean details) {
        String template = details ? DETAILS : BRIEF;
        if (page.after() == null) {
            String from = "(select * from service_group where owner = $1 order by created_at, id limit $2)";
            return run(String.format(template, from) + ORDER, Tuple.of(owner, page.count()));
        }
        String from = "(select g.* from service_group g,"
                + " (" + anchor("$1", "$3") + ") a"
                + " where g.owner = $1 and (g.created_at, g.id) > (a.created_at, a.id)"
                + " order by g.created_at, g.id limit $2)";
        return run(String.format(template, from) + ORDER, Tuple.of(owner, page.count(), page.after()))
                .chain(groups -> groups.isEmpty() ? checkAnchor(owner, page.after()).replaceWith(groups)
                        : Uni.createFrom().item(groups));
    }

    /**
     * The place of the page's anchor {@code $3} in the owner's ({@code $1}) order: the group, or where it stood if it
     * was deleted lately (kept in {@code deleted_place}, migration V2).
     */
    private static String anchor(String owner, String id) {
        return "(select created_at, id from service_group where id = " + id + " and owner = " + owner
                + " union all select created_at, id from deleted_place where entity = 'service_group' and id = " + id
                + " and owner = " + owner + ") limit 1";
    }

    /**
     * An empty page after {@code after}: fine when it is (or was lately) the owner's last group, an error when it
     * is unknown.
     */
    private Uni<Void> checkAnchor(String owner, UUID after) {
        return pool.preparedQuery(anchor("$1", "$2")).execute(Tuple.of(owner, after))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw new RuleViolation(ErrorCode.NOT_FOUND, "from: no service group with uuid " + after);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<List<ServiceGroup>> run(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(GroupReads::groups);
    }

    private static List<ServiceGroup> groups(RowSet<Row> rows) {
        List<ServiceGroup> groups = new ArrayList<>(rows.size());
        for (Row row : rows) {
            groups.add(group(row));
        }
        return groups;
    }

    /** Columns by position, the same in every statement above (reading by name costs a lookup each). */
    private static ServiceGroup group(Row row) {
        List<PublishedService> services = new ServiceArrays(row.getArrayOfIntegers(8), row.getArrayOfIntegers(9),
                row.getArrayOfStrings(10)).services();
        UUID[] instances = row.getArrayOfUUIDs(11);
        return new ServiceGroup(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3),
                row.getOffsetDateTime(7).toInstant(), services, instances == null ? List.of() : Arrays.asList(instances),
                row.getBoolean(4), new ConcurrencyLimits(row.getInteger(5), row.getInteger(6)));
    }
}
