package io.servicegroups.api.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.core.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads request bodies. Endpoints take the raw bytes so that body-less requests without a
 * Content-Type are accepted (real clients send GETs like that) and every failure gets the envelope.
 */
public final class JsonBody {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBody() {
    }

    /** The parsed body, or empty when there is none (absent or only white space). */
    public static Optional<JsonNode> parse(byte[] body, String contentType, int maxBytes) {
        if (body == null || isBlank(body)) {
            return Optional.empty();
        }
        if (body.length > maxBytes) {
            throw tooLarge(body.length, maxBytes);
        }
        if (contentType != null && !isJson(contentType)) {
            throw new RequestFailure(415, ErrorCode.MALFORMED_REQUEST, "unsupported content type \""
                    + contentType + "\": send JSON with Content-Type: application/json, or no body");
        }
        Optional<Integer> badByte = Texts.invalidUtf8(body);
        if (badByte.isPresent()) {
            throw RequestFailure.badRequest("body is not valid UTF-8 at byte " + (badByte.get() + 1)
                    + " (overlong forms and lone surrogates are refused)");
        }
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw RequestFailure.badRequest("body is not valid JSON" + where + ": " + withoutSource(e));
        } catch (IOException e) {
            throw RequestFailure.badRequest("body could not be read");
        }
    }

    /** Jackson's message without its "(for Object starting at [Source: ...])" tail. */
    private static String withoutSource(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int tail = message.indexOf(" (for ");
        if (tail < 0) {
            tail = message.indexOf(" [Source:");
        }
        return (tail < 0 ? message : message.substring(0, tail)).replace('\n', ' ');
    }

    public static RequestFailure tooLarge(long size, int maxBytes) {
        return new RequestFailure(413, ErrorCode.TOO_MANY, "body of " + size + " bytes is larger than the "
                + maxBytes + " bytes accepted");
    }

    /** The body's objects: an array of objects, or one object taken as an array of one. */
    public static List<JsonFields> items(JsonNode body, int maxItems, String... allowedFields) {
        List<JsonFields> items = new ArrayList<>();
        if (body.isArray()) {
            if (body.size() > maxItems) {
                throw new RequestFailure(400, ErrorCode.TOO_MANY, "at most " + maxItems
                        + " items are accepted in one request, got " + body.size());
            }
            for (int i = 0; i < body.size(); i++) {
                items.add(JsonFields.of(body.get(i), "[" + i + "]", allowedFields));
            }
        } else {
            items.add(JsonFields.of(body, "", allowedFields));
        }
        return items;
    }

    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
