package io.servicegroups.gateway;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;

/** Which group a change event touches (the payload of the schema's {@code notify_change} trigger). */
final class ChangeEvents {
    private ChangeEvents() {
    }

    /**
     * The group a change concerns: the group itself, or an instance's group. Empty for an instance without a
     * group — or for a payload that cannot be read, which the caller answers with a full reload.
     */
    static Optional<UUID> groupOf(String payload) {
        try {
            JsonObject event = new JsonObject(payload);
            String entity = event.getString("entity");
            String id = "service_group".equals(entity) ? event.getString("uuid")
                    : "instance".equals(entity) ? event.getString("service_group") : null;
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An instance with no group: nothing the gateway routes changed. */
    static boolean concernsNoGroup(String payload) {
        try {
            JsonObject event = new JsonObject(payload);
            return "instance".equals(event.getString("entity")) && event.getValue("service_group") == null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
