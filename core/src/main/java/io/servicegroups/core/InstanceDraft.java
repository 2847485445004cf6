package io.servicegroups.core;

/** A validated instance, ready to be stored. */
public record InstanceDraft(String name, String address, ServiceGroupChoice serviceGroup) {
}
