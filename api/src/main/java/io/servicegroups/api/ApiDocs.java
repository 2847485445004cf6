package io.servicegroups.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI document header, the bearer scheme (so Swagger UI's "Authorize" works) and shared examples. */
@OpenAPIDefinition(info = @Info(title = "servicegroups: KraftCloud Services API v1", version = "v1",
        description = "Self-hostable service groups: public DNS names, published ports with tls/http/redirect"
                + " handlers, load balancing across attached instances. Every answer uses the envelope"
                + " {status, message?, errors?, warnings?, data, op_time_us}; a well-formed request answers 200"
                + " whatever its items' outcomes, each item carrying its own status and numeric error code.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
@SecurityScheme(securitySchemeName = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Send `Authorization: Bearer <token>`: paste the token alone here. Tokens come from"
                + " SG_AUTH_TOKENS or the log of the first start (see the README for a lost one).")
public class ApiDocs extends Application {
    public static final String BEARER = "bearer";

    /** How the original clients name objects: a JSON body, which browsers (and so Swagger UI) cannot send. */
    public static final String BODY_FORM = "Clients that send bodies may name the objects in a JSON body instead:"
            + " [{\"uuid\": ...}, {\"name\": ...}] (schema ItemRef, one object or an array; not together with"
            + " query parameters). Swagger UI cannot send it: browsers send no body with GET.";

    public static final String BAD_REQUEST = "Malformed request: bad JSON, wrong JSON types, unknown fields,"
            + " bad UUID in the path, too many items";

    public static final String BAD_REQUEST_EXAMPLE = """
            {"status": "error", "message": "services[0].port: expected an integer, got the string \\"443\\"",
             "errors": [{"status": 400, "message": "services[0].port: expected an integer, got the string \\"443\\"",
                         "error": 16}],
             "op_time_us": 85}""";

    public static final String UNAUTHORIZED_EXAMPLE = """
            {"status": "error", "message": "invalid token",
             "errors": [{"status": 401, "message": "invalid token", "error": 14}], "op_time_us": 12}""";

    public static final String CREATED_EXAMPLE = """
            {"status": "success", "data": {"service_groups": [{"status": "success",
             "uuid": "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2", "name": "young-monkey-uq6dxq0u",
             "fqdn": "young-monkey-uq6dxq0u.fra0.kraft.host"}]}, "op_time_us": 2210}""";

    public static final String GROUP_EXAMPLE = """
            {"status": "success", "data": {"service_groups": [{"status": "success",
             "uuid": "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2", "name": "young-monkey-uq6dxq0u",
             "created_at": "2023-08-21T16:38:15Z", "fqdn": "young-monkey-uq6dxq0u.fra0.kraft.host",
             "domains": [{"fqdn": "young-monkey-uq6dxq0u.fra0.kraft.host"}],
             "instances": ["77d0316a-fbbe-488d-8618-5bf7a612477a"],
             "services": [{"port": 443, "destination_port": 8080, "handlers": ["tls", "http"]}],
             "persistent": false, "autoscale": false, "soft_limit": 1, "hard_limit": 65535}]}, "op_time_us": 640}""";

    public static final String DELETED_EXAMPLE = """
            {"status": "success", "data": {"service_groups": [{"status": "success",
             "uuid": "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2", "name": "young-monkey-uq6dxq0u"}]}, "op_time_us": 1830}""";

    public static final String LIST_EXAMPLE = """
            {"status": "success", "data": {"service_groups": [
             {"uuid": "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2", "name": "young-monkey-uq6dxq0u"},
             {"uuid": "d3a7fe17-0a44-4862-836f-d5f9a6a0b2f8", "name": "patient-butterfly-9br0p9e5"}]},
             "op_time_us": 410}""";
}
