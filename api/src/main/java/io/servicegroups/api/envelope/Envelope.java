package io.servicegroups.api.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response envelope of every /v1 answer (SPEC 1). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"status", "message", "errors", "warnings", "data", "op_time_us"})
public record Envelope<D>(
        @Schema(enumeration = {"success", "partial_success", "error"}, required = true) String status,
        @Schema(description = "Only when status is not success") String message,
        @Schema(description = "Only for failures of the request as a whole") List<RequestError> errors,
        List<Warning> warnings,
        D data,
        @JsonProperty("op_time_us") @Schema(description = "Server-side time to handle the request, in microseconds")
        Long opTimeUs) {

    public static final String SUCCESS = "success";
    public static final String PARTIAL_SUCCESS = "partial_success";
    public static final String ERROR = "error";

    /** The envelope of a batch: its status follows from the items' statuses. */
    public static <D> Envelope<D> ofItems(List<? extends Item> items, D data, List<Warning> warnings) {
        long failed = items.stream().filter(Item::failed).count();
        if (failed == 0) {
            return new Envelope<>(SUCCESS, null, null, warnings, data, null);
        }
        String status = failed == items.size() ? ERROR : PARTIAL_SUCCESS;
        String message = failed == 1
                ? items.stream().filter(Item::failed).findFirst().orElseThrow().message()
                : failed + " of " + items.size() + " items failed";
        return new Envelope<>(status, message, null, warnings, data, null);
    }

    /** The items of a batch answer, in order: each outcome's view, or its failure's. */
    public static <T, I extends Item> List<I> items(List<Outcome<T>> outcomes, Function<T, I> view,
                                                    Function<Outcome<?>, I> failed) {
        return outcomes.stream().map(o -> o.failed() ? failed.apply(o) : view.apply(o.value())).toList();
    }

    /** A successful answer that is not a batch (listings). */
    public static <D> Envelope<D> of(D data) {
        return new Envelope<>(SUCCESS, null, null, null, data, null);
    }

    /** The envelope of a request that failed as a whole. */
    public static Envelope<Void> failure(int httpStatus, int code, String message) {
        return new Envelope<>(ERROR, message, List.of(new RequestError(httpStatus, message, code)), null, null, null);
    }

    public Envelope<D> withOpTime(long micros) {
        return new Envelope<>(status, message, errors, warnings, data, micros);
    }

    /** Implemented by the items of a batch answer. */
    public interface Item {
        boolean failed();

        String message();
    }
}
