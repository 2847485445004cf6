package io.servicegroups.api.json;

/** The field names several answers share, ready for {@link JsonOut#field}. */
public final class FieldNames {
    public static final byte[] STATUS = JsonOut.name("status");
    public static final byte[] MESSAGE = JsonOut.name("message");
    public static final byte[] ERROR = JsonOut.name("error");
    public static final byte[] UUID = JsonOut.name("uuid");
    public static final byte[] NAME = JsonOut.name("name");
    public static final byte[] FQDN = JsonOut.name("fqdn");
    public static final byte[] CREATED_AT = JsonOut.name("created_at");
    public static final byte[] INSTANCES = JsonOut.name("instances");

    private FieldNames() {
    }
}
