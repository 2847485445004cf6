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
    private static final Map<String, String> FAILURES = Map.of(
            "400", ApiDocs.BAD_REQUEST,
            "401", "Missing or invalid bearer token",
            "413", "Body larger than sg.api.max-body-bytes",
            "415", "A body that is not JSON",
            "503", "Database unavailable");

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
        FAILURES.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                APIResponse failure = OASFactory.createAPIResponse().description(description);
                MediaType body = json(failure).schema(ref("Envelope"));
                if (status.equals("400")) {
                    body.addExample("bad request", example(ApiDocs.BAD_REQUEST_EXAMPLE));
                } else if (status.equals("401")) {
                    body.addExample("unauthorized", example(ApiDocs.UNAUTHORIZED_EXAMPLE));
                }
                responses.addAPIResponse(status, failure);
            }
        });
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
