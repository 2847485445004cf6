package io.servicegroups.gateway;

import io.vertx.core.json.JsonObject;

/** When the database published a change event: its {@code at} field, epoch milliseconds (0: unknown). */
final class ChangeEventTime {
    private ChangeEventTime() {
    }

    static long of(String payload) {
        try {
            Object at = new JsonObject(payload).getValue("at");
            return at instanceof Number number ? number.longValue() : 0;
        } catch (RuntimeException notJson) {
            return 0;
        }
    }
}
