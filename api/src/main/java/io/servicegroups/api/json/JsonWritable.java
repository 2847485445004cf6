package io.servicegroups.api.json;

/**
 * An answer's part that writes its own JSON (the same as Jackson makes of its annotations, which stay the
 * source of the OpenAPI document; {@code EnvelopeJsonTest} holds the two to the same bytes).
 */
public interface JsonWritable {
    void writeJson(JsonOut out);
}
