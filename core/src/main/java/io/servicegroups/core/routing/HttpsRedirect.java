package io.servicegroups.core.routing;

/** The {@code redirect} handler on port 80 (SPEC 7): {@code 308 Location: https://<host><path-and-query>}. */
public final class HttpsRedirect {
    public static final int STATUS = 308;

    private HttpsRedirect() {
    }

    /** @param uri the request target as received: a path with its query, or an absolute URI */
    public static String location(String authority, String uri) {
        String path = uri == null || uri.isEmpty() ? "/" : uri;
        if (!path.startsWith("/")) {
            int scheme = path.indexOf("://");
            int slash = scheme < 0 ? -1 : path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        return "https://" + HostNames.withoutPort(authority) + path;
    }
}
