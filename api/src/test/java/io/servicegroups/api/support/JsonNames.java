package io.servicegroups.api.support;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON field names of a request schema record, as OpenAPI documents them. */
public final class JsonNames {
    private JsonNames() {
    }

    public static Set<String> of(Class<? extends Record> schema) {
        return Arrays.stream(schema.getRecordComponents()).map(JsonNames::name).collect(Collectors.toSet());
    }

    private static String name(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) {
            property = component.getAnnotation(JsonProperty.class);
        }
        return property == null ? component.getName() : property.value();
    }
}
