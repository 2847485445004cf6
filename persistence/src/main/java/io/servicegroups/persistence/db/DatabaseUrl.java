package io.servicegroups.persistence.db;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL connection URL {@code postgresql://user:password@host:port/database?params} (libpq form),
 * turned into the forms the reactive client and JDBC want.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, String query) {
    public static final int DEFAULT_PORT = 5432;
    private static final String FORMAT = "postgresql://user:password@host:port/database";

    public static DatabaseUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid("it is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw invalid("the scheme must be postgresql://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("it names no host");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (user == null || user.isEmpty()) {
            user = "postgres";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.length() > 1 ? decode(path.substring(1)) : user;
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new DatabaseUrl(uri.getHost(), port, database, user, password, uri.getRawQuery());
    }

    public static DatabaseUrl local(int port, String database, String user) {
        return local(port, database, user, null);
    }

    public static DatabaseUrl local(int port, String database, String user, String password) {
        return new DatabaseUrl("localhost", port, database, user, password, null);
    }

    /** With the credentials inside, so that no other setting is needed. */
    public String reactiveUrl() {
        String credentials = encode(user) + (password == null ? "" : ":" + encode(password));
        return "postgresql://" + credentials + "@" + address() + (query == null ? "" : "?" + query);
    }

    /** With the credentials as parameters, so that no other setting is needed. */
    public String jdbcUrl() {
        String credentials = "user=" + encode(user) + (password == null ? "" : "&password=" + encode(password));
        return "jdbc:postgresql://" + address() + "?" + credentials + (query == null ? "" : "&" + query);
    }

    private String address() {
        return host + ":" + port + "/" + encode(database);
    }

    /** For logs: never includes the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + address();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("sg.db.url (SG_DB_URL) is not usable: " + why + "; expected " + FORMAT);
    }

    private static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
