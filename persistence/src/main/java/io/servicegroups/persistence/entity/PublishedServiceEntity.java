package io.servicegroups.persistence.entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Row of {@code published_service}: one published port of a group. */
@Entity
@Table(name = "published_service")
@IdClass(PublishedServiceEntity.Key.class)
public class PublishedServiceEntity extends PanacheEntityBase {
    @Id
    @Column(name = "group_id")
    public UUID groupId;
    @Id
    public int port;
    public short position;
    @Column(name = "destination_port")
    public int destinationPort;
    /** PostgreSQL text[]; named by its catalog name _text so that Hibernate's schema validation agrees. */
    @Column(columnDefinition = "_text")
    public String[] handlers;

    /** Primary key (group, port). */
    public static class Key implements Serializable {
        public UUID groupId;
        public int port;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && port == key.port && Objects.equals(groupId, key.groupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, port);
        }
    }
}
