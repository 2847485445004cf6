package io.servicegroups.core;

import java.util.List;

/**
 * A service as requested, before validation. Null means "not given".
 *
 * @param handlers handler names as given
 */
public record ServiceSpec(Long port, Long destinationPort, List<String> handlers) {
}
