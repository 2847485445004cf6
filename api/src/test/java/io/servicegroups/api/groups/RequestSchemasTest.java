package io.servicegroups.api.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicegroups.api.support.JsonNames;
import org.junit.jupiter.api.Test;

/** The OpenAPI request schemas name exactly the fields the readers accept. */
class RequestSchemasTest {
    @Test
    void serviceGroupSchemasMatchTheReader() {
        assertThat(JsonNames.of(CreateServiceGroupRequest.class))
                .containsExactlyInAnyOrder(ServiceGroupRequests.CREATE_FIELDS);
        assertThat(JsonNames.of(CreateServiceGroupRequest.ServiceRequest.class))
                .containsExactlyInAnyOrder(ServiceGroupRequests.SERVICE_FIELDS);
        assertThat(JsonNames.of(CreateServiceGroupRequest.DomainRequest.class))
                .containsExactlyInAnyOrder(ServiceGroupRequests.DOMAIN_FIELDS);
        assertThat(JsonNames.of(ListFilterRequest.class)).containsExactlyInAnyOrder(ServiceGroupRequests.LIST_FIELDS);
    }
}
