package io.servicegroups.core;

/**
 * A resolved public DNS name.
 *
 * @param fqdn   lowercase, without trailing dot
 * @param custom true for an experimental fully-qualified name outside the metro domain
 */
public record DnsName(String fqdn, boolean custom) {
}
