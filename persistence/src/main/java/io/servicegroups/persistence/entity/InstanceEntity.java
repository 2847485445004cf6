package io.servicegroups.persistence.entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code instance}: a registered backend, attached to at most one group. */
@Entity
@Table(name = "instance")
public class InstanceEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(columnDefinition = "text")
    public String owner;
    @Column(columnDefinition = "text")
    public String name;
    @Column(columnDefinition = "text")
    public String address;
    @Column(columnDefinition = "text")
    public String state;
    @Column(name = "service_group_id")
    public UUID serviceGroupId;
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "drain_deadline")
    public Instant drainDeadline;
    @Column(name = "created_at")
    public Instant createdAt;
}
