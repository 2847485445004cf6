package io.servicegroups.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * Checks every /v1 answer the tests receive against the OpenAPI document the server serves: the status must be
 * documented for the operation, and the body must match that response's schema. A mismatch fails the test that
 * made the request. Registered for every REST Assured request by {@link Api}.
 */
public final class OpenApiConformance implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();
    /** How many answers were checked, so a test can prove the checks ran. */
    private static final java.util.concurrent.atomic.AtomicLong CHECKED = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                           FilterContext context) {
        Response response = context.next(request, expected);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (path.equals("/v1") || path.startsWith("/v1/")) {
            check(uri, request.getMethod().toLowerCase(Locale.ROOT), path, response);
        }
        return response;
    }

    public static long checked() {
        return CHECKED.get();
    }

    private static void check(URI uri, String method, String path, Response response) {
        String base = uri.getScheme() + "://" + uri.getAuthority();
        JsonNode document = DOCUMENTS.computeIfAbsent(base, OpenApiConformance::fetch);
        String status = Integer.toString(response.statusCode());
        String where = method.toUpperCase(Locale.ROOT) + " " + path + " answered " + status;
        String template = template(document, path);
        String pointer;
        if (template == null) {
            // authentication comes before routing: an unknown path is 401 without a valid token
            if (!status.equals("404") && !status.equals("401")) {
                throw new AssertionError(where + ", but the path is not in the OpenAPI document (only 401/404 are)");
            }
            pointer = "/components/schemas/Envelope";
        } else if (!document.path("paths").path(template).has(method)) {
            if (!List.of("401", "404", "405").contains(status)) {
                throw new AssertionError(where + ", but " + template + " documents no " + method);
            }
            pointer = "/components/schemas/Envelope";
        } else {
            JsonNode answer = document.path("paths").path(template).path(method).path("responses").path(status);
            if (answer.isMissingNode()) {
                throw new AssertionError(where + ", which the OpenAPI document does not list for "
                        + method.toUpperCase(Locale.ROOT) + " " + template);
            }
            pointer = "/paths/" + escape(template) + "/" + method + "/responses/" + status
                    + "/content/application~1json/schema";
            if (document.at(pointer).isMissingNode()) {
                throw new AssertionError(where + ": the document gives no application/json schema for it");
            }
        }
        String contentType = response.contentType();
        if (contentType == null || !contentType.startsWith("application/json")) {
            throw new AssertionError(where + " with Content-Type " + contentType + ", not application/json");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new AssertionError(where + " with a body that is not JSON", e);
        }
        Set<ValidationMessage> problems = COMPILED.computeIfAbsent(base + "#" + pointer,
                key -> compile(document, pointer)).validate(body);
        if (!problems.isEmpty()) {
            throw new AssertionError(where + " with a body that does not match the OpenAPI document (" + pointer
                    + "): " + problems + "\nbody: " + body);
        }
        CHECKED.incrementAndGet();
    }

    /** The document's path template that {@code path} falls under; literal templates win over parameters. */
    private static String template(JsonNode document, String path) {
        Iterator<String> names = document.path("paths").fieldNames();
        List<String> templates = StreamSupport.stream(((Iterable<String>) () -> names).spliterator(), false)
                .sorted(Comparator.comparing((String t) -> t.contains("{")).thenComparing(Comparator.naturalOrder()))
                .toList();
        for (String template : templates) {
            String regex = java.util.regex.Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex)) {
                return template;
            }
        }
        return null;
    }

    /** A schema whose root carries the document's components, so that its {@code $ref}s resolve. */
    private static JsonSchema compile(JsonNode document, String pointer) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        root.set("paths", document.path("paths"));
        root.put("$ref", "#" + pointer);
        return SCHEMAS.getSchema(root);
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode fetch(String base) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/q/openapi?format=json")).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("could not read the OpenAPI document of " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
