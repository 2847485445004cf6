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

    /**
     * The answer to a batch: one item per outcome, in order (its view, or its failure's), wrapped by
     * {@code data}, with the warnings of the items that succeeded.
     */
    public static <T, I extends Item, D> Envelope<D> batch(List<Outcome<T>> outcomes, Function<T, I> view,
                                                           Function<Outcome<?>, I> failed, Function<List<I>, D> data,
                                                           Function<T, List<String>> warnings) {
        List<I> items = outcomes.stream().map(o -> o.failed() ? failed.apply(o) : view.apply(o.value())).toList();
        List<Warning> given = outcomes.stream().filter(o -> !o.failed())
                .flatMap(o -> warnings.apply(o.value()).stream()).map(Warning::new).toList();
        return ofItems(items, data.apply(items), given);
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
