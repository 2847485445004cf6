package io.servicegroups.core;

import java.util.Optional;

/** Connection handlers of a published port (SPEC 3.3). */
public enum Handler {
    TLS("tls"),
    HTTP("http"),
    REDIRECT("redirect");

    private final String wireName;

    Handler(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Handler> fromWireName(String name) {
        for (Handler handler : values()) {
            if (handler.wireName.equals(name)) {
                return Optional.of(handler);
            }
        }
        return Optional.empty();
    }
}
