package io.servicegroups.core;

/**
 * An instance as requested, before validation. Null means "not given".
 *
 * @param serviceGroup the requested {@code service_group}, or null for a private instance
 */
public record NewInstance(String name, String address, ServiceGroupRequest serviceGroup) {

    /**
     * A requested {@code service_group}: a reference by uuid or name, or a new group's fields.
     *
     * @param newGroup the new group when any of its fields ({@code services}, {@code dns_name}...) is given
     */
    public record ServiceGroupRequest(String uuid, String name, NewServiceGroup newGroup) {
    }
}
