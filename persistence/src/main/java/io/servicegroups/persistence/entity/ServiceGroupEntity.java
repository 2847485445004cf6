package io.servicegroups.persistence.entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code service_group}. Stays inside the persistence module. */
@Entity
@Table(name = "service_group")
public class ServiceGroupEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(columnDefinition = "text")
    public String owner;
    @Column(columnDefinition = "text")
    public String name;
    @Column(columnDefinition = "text")
    public String fqdn;
    public boolean persistent;
    @Column(name = "soft_limit")
    public int softLimit;
    @Column(name = "hard_limit")
    public int hardLimit;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The services, fixed at creation: ports, destination ports, handler names joined by commas (V5). */
    @Column(name = "service_ports", columnDefinition = "_int4")
    public Integer[] servicePorts;
    @Column(name = "service_destination_ports", columnDefinition = "_int4")
    public Integer[] serviceDestinationPorts;
    @Column(name = "service_handlers", columnDefinition = "_text")
    public String[] serviceHandlers;
}
