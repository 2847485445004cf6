package io.servicegroups.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every /v1 operation shares, added to the OpenAPI document in one place: the typed envelope of its
 * 200 answer ({@code ServiceGroupsResponse} or {@code InstancesResponse}) and the request-level failures.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class V1Responses implements OASFilter {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Failures of a request as a whole: status → description, and the example's error code and message. */
    private record Failure(String description, int code, String message) {
    }

    private static final Map<String, Failure> FAILURES = new java.util.TreeMap<>(Map.of(
            "400", new Failure(ApiDocs.BAD_REQUEST, 16, null),
            "401", new Failure("Missing or invalid bearer token", 14, null),
            "404", new Failure("Unknown path under /v1", 8, "no such endpoint: /v1/servics"),
            "405", new Failure("Method not allowed on this path (the Allow header lists the allowed ones)", 2,
                    "method not allowed on /v1/services/list; allowed: GET"),
            "408", new Failure("The body did not arrive within sg.api.body-timeout; the connection is closed", 16,
                    "the request body did not arrive within 10.0 s (sg.api.body-timeout); send it at once"),
            "413", new Failure("Body larger than sg.api.max-body-bytes", 5,
                    "body of 2097152 bytes is larger than the 1048576 bytes accepted"),
            "415", new Failure("A body that is not JSON", 16, "unsupported content type \"text/plain\": send JSON"
                    + " with Content-Type: application/json, or no body"),
            "500", new Failure("Internal error; the reference is logged next to the cause", 0,
                    "internal error (reference 5f0c3d52-3f59-4d8e-9a43-2f4f8bb1d0c7)"),
            "503", new Failure("Database unavailable, or no answer within sg.api.request-timeout", 0,
                    "the database is unavailable; try again shortly")));

    /** Request schemas: the server refuses unknown fields, and so does the document. */
    private static final List<String> REQUEST_SCHEMAS = List.of("CreateServiceGroup", "PublishService",
            "DomainRequest", "CreateInstance", "InstanceServiceGroupChoice", "ItemRef", "StopInstance",
            "ServiceGroupListFilter");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents()
                .addSchema("Envelope", envelope())
                .addSchema("ServiceGroupsResponse", envelopeOf("service_groups", "ServiceGroup"))
                .addSchema("InstancesResponse", envelopeOf("instances", "Instance"));
        // Schemas generated from Envelope<T> return types; the typed responses above replace them.
        List.copyOf(openAPI.getComponents().getSchemas().keySet()).stream()
                .filter(name -> name.startsWith("Envelope") && !name.equals("Envelope"))
                .forEach(openAPI.getComponents()::removeSchema);
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        REQUEST_SCHEMAS.stream().map(schemas::get).filter(java.util.Objects::nonNull)
                .forEach(schema -> schema.additionalPropertiesBoolean(false));
        Schema service = schemas.get("PublishService");
        if (service != null && service.getProperties().get("handlers") != null) {
            service.getProperties().get("handlers").items(OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("tls", "http", "redirect")));
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/v1/")) {
                return;
            }
            String envelope = path.startsWith("/v1/instances") ? "InstancesResponse" : "ServiceGroupsResponse";
            item.getOperations().values().forEach(operation -> describe(operation, envelope));
        });
    }

    private static void describe(Operation operation, String envelope) {
        APIResponses responses = operation.getResponses();
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null) {
            json(ok).schema(ref(envelope));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(QueryParameterTypes::type);
        }
        FAILURES.forEach((status, failure) -> {
            if (responses.getAPIResponse(status) == null) {
                APIResponse answer = OASFactory.createAPIResponse().description(failure.description());
                MediaType body = json(answer).schema(ref("Envelope"));
                if (status.equals("400")) {
                    body.addExample("bad request", example(ApiDocs.BAD_REQUEST_EXAMPLE));
                } else if (status.equals("401")) {
                    body.addExample("unauthorized", example(ApiDocs.UNAUTHORIZED_EXAMPLE));
                } else {
                    body.addExample(failure.description(), failure(Integer.parseInt(status), failure));
                }
                responses.addAPIResponse(status, answer);
            }
        });
    }

    /** The envelope of a failed request, as the server answers it. */
    private static Example failure(int status, Failure failure) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("status", status);
        error.put("message", failure.message());
        error.put("error", failure.code());
        Map<String, Object> envelope = new java.util.LinkedHashMap<>();
        envelope.put("status", "error");
        envelope.put("message", failure.message());
        envelope.put("errors", List.of(error));
        envelope.put("op_time_us", 120);
        return OASFactory.createExample().value(envelope);
    }

    /** The response's application/json media type, created if missing. */
    private static MediaType json(APIResponse response) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.content(content);
        }
        MediaType media = content.getMediaType("application/json");
        if (media == null) {
            media = OASFactory.createMediaType();
            content.addMediaType("application/json", media);
        }
        return media;
    }

    /** The envelope of every /v1 answer (SPEC 1); {@code data} depends on the resource. */
    private static Schema envelope() {
        return object()
                .description("Every /v1 answer, success or failure")
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .enumeration(List.of("success", "partial_success", "error")))
                .addProperty("message", string("Only when status is not success"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("Only for failures of the request as a whole").items(ref("RequestError")))
                .addProperty("warnings", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(ref("Warning")))
                .addProperty("data", object().description("{service_groups: [...]} or {instances: [...]}"))
                .addProperty("op_time_us", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("Server-side time to handle the request, in microseconds"))
                .required(List.of("status", "op_time_us"));
    }

    private static Schema object() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    /** The envelope with {@code data: {<key>: [<item>]}}. */
    private static Schema envelopeOf(String key, String item) {
        Schema data = object()
                .addProperty(key, OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(ref(item)));
        return OASFactory.createSchema()
                .addAllOf(ref("Envelope"))
                .addAllOf(object().addProperty("data", data));
    }

    private static Example example(String json) {
        try {
            return OASFactory.createExample().value(JSON.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example is not JSON: " + json, e);
        }
    }

    private static Schema ref(String schema) {
        return OASFactory.createSchema().ref(SCHEMAS + schema);
    }
}
