package io.servicegroups.api.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicegroups.api.request.ItemRefRequest;
import io.servicegroups.api.support.JsonNames;
import org.junit.jupiter.api.Test;

/** The OpenAPI request schemas name exactly the fields the readers accept. */
class InstanceRequestSchemasTest {
    @Test
    void instanceSchemasMatchTheReader() {
        assertThat(JsonNames.of(CreateInstanceRequest.class)).containsExactlyInAnyOrder(InstanceRequests.CREATE_FIELDS);
        assertThat(JsonNames.of(CreateInstanceRequest.ServiceGroupChoiceRequest.class))
                .containsExactlyInAnyOrder(InstanceRequests.GROUP_FIELDS);
        assertThat(JsonNames.of(StopRequest.class)).containsExactlyInAnyOrder(InstanceRequests.STOP_FIELDS);
        assertThat(JsonNames.of(ItemRefRequest.class)).containsExactlyInAnyOrder(InstanceRequests.START_FIELDS);
    }
}
