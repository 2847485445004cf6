package io.servicegroups.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The types and ranges of the /v1 query parameters as the server reads them ({@code QueryParams}); the methods
 * take them as strings so that a bad value gets the envelope, so the document states them here.
 */
final class QueryParameterTypes {
    private QueryParameterTypes() {
    }

    static void type(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY && parameter.getIn() != Parameter.In.PATH) {
            return;
        }
        switch (parameter.getName()) {
            case "details" -> parameter.schema(scalar(Schema.SchemaType.BOOLEAN).defaultValue(true));
            case "persistent" -> parameter.schema(scalar(Schema.SchemaType.BOOLEAN));
            case "count" -> parameter.schema(scalar(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)
                    .maximum(BigDecimal.valueOf(1000)));  // no default: Swagger UI would send it with named items (400)
            case "from" -> parameter.schema(uuid());
            case "uuid" -> parameter.schema(parameter.getIn() == Parameter.In.PATH ? uuid()
                    : OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(uuid()));
            case "fqdn" -> parameter.schema(scalar(Schema.SchemaType.STRING).maxLength(254));
            default -> {
            }
        }
    }

    private static Schema scalar(Schema.SchemaType type) {
        return OASFactory.createSchema().type(List.of(type));
    }

    private static Schema uuid() {
        return scalar(Schema.SchemaType.STRING).format("uuid");
    }
}
