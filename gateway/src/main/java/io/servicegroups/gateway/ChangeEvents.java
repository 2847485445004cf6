package io.servicegroups.gateway;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** What a change event (the payload of the schema's {@code notify_change} trigger) tells the gateway; read once. */
final class ChangeEvents {
    private ChangeEvents() {
    }

    /**
     * @param group   the group the change concerns (the group itself, or an instance's group), or null
     * @param noGroup an instance without a group changed: nothing the gateway routes
     * @param at      when the database published it, epoch milliseconds (0: unknown)
     */
    record Event(UUID group, boolean noGroup, long at) {
        static final Event UNREADABLE = new Event(null, false, 0);

        /** Re-reads the group concerned, nothing for a private instance, everything for anything else. */
        void apply(Consumer<UUID> changed, Runnable reloadAll) {
            if (group != null) {
                changed.accept(group);
            } else if (!noGroup) {
                reloadAll.run();
            }
        }
    }

    static Event parse(String payload) {
        try {
            JsonObject event = new JsonObject(payload);
            String entity = event.getString("entity");
            String id = "service_group".equals(entity) ? event.getString("uuid")
                    : "instance".equals(entity) ? event.getString("service_group") : null;
            Object at = event.getValue("at");
            return new Event(id == null ? null : UUID.fromString(id),
                    "instance".equals(entity) && event.getValue("service_group") == null,
                    at instanceof Number number ? number.longValue() : 0);
        } catch (RuntimeException e) {
            return Event.UNREADABLE;
        }
    }

    /** The group a change concerns; empty for a private instance or a payload that cannot be read. */
    static Optional<UUID> groupOf(String payload) {
        return Optional.ofNullable(parse(payload).group());
    }

    /** An instance with no group: nothing the gateway routes changed. */
    static boolean concernsNoGroup(String payload) {
        return parse(payload).noGroup();
    }
}
