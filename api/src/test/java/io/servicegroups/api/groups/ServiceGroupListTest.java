package io.servicegroups.api.groups;

import static io.servicegroups.api.support.Api.METRO_DOMAIN;
import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/services/list: filters persistent and fqdn, as body or query (SPEC 3.8). */
@QuarkusTest
class ServiceGroupListTest {
    private static final String USER = "carol";

    @Inject
    Pool pool;
    private String persistentUuid;
    private String persistentLabel;
    private String implicitUuid;

    @BeforeEach
    void createPersistentAndImplicitGroup() {
        persistentLabel = unique("listed");
        persistentUuid = createGroup(USER, Map.of("dns_name", persistentLabel, "services", List.of()));
        UUID implicit = UUID.randomUUID();
        new Db(pool).query("insert into service_group (id, owner, name, fqdn, persistent, soft_limit, hard_limit,"
                        + " created_at) values ($1, $2, $3, $4, false, 1, 65535, $5)",
                implicit, USER, unique("implicit"), unique("implicit") + "." + METRO_DOMAIN, OffsetDateTime.now());
        implicitUuid = implicit.toString();
    }

    @Test
    void withoutFiltersListsUuidAndNameOfEveryGroup() {
        as(USER).get("/v1/services/list").then().statusCode(200)
                .body("status", is("success"))
                .body("data.service_groups.uuid", hasItem(persistentUuid))
                .body("data.service_groups.uuid", hasItem(implicitUuid));
        Map<String, Object> item = as(USER).get("/v1/services/list").then().extract()
                .path("data.service_groups[0]");
        assertThat(item).containsOnlyKeys("uuid", "name");
    }

    @Test
    void persistentFilterAsQueryOrBody() {
        as(USER).get("/v1/services/list?persistent=false").then().statusCode(200)
                .body("data.service_groups.uuid", hasItem(implicitUuid))
                .body("data.service_groups.uuid", not(hasItem(persistentUuid)));
        json(USER, Map.of("persistent", true)).get("/v1/services/list").then().statusCode(200)
                .body("data.service_groups.uuid", hasItem(persistentUuid))
                .body("data.service_groups.uuid", not(hasItem(implicitUuid)));
    }

    @Test
    void fqdnFilterIsExactCaseInsensitiveWithOptionalTrailingDot() {
        String fqdn = persistentLabel + "." + METRO_DOMAIN;
        json(USER, Map.of("fqdn", fqdn.toUpperCase() + ".")).get("/v1/services/list").then().statusCode(200)
                .body("data.service_groups.uuid", is(List.of(persistentUuid)));
        as(USER).get("/v1/services/list?fqdn=" + fqdn).then()
                .body("data.service_groups.uuid", is(List.of(persistentUuid)));
        as(USER).get("/v1/services/list?fqdn=" + persistentLabel).then()
                .body("data.service_groups", is(List.of()));
    }

    @Test
    void filtersCombineWithAnd() {
        String fqdn = persistentLabel + "." + METRO_DOMAIN;
        json(USER, Map.of("fqdn", fqdn, "persistent", false)).get("/v1/services/list").then()
                .body("data.service_groups", is(List.of()));
    }

    @Test
    void otherUsersGroupsAreNotListed() {
        String fqdn = persistentLabel + "." + METRO_DOMAIN;
        as("bob").get("/v1/services/list?fqdn=" + fqdn).then().statusCode(200)
                .body("data.service_groups", is(List.of()));
    }

    @Test
    void badFiltersAreRefused() {
        json(USER, Map.of("persistent", "yes")).get("/v1/services/list").then().statusCode(400)
                .body("errors[0].message", containsString("persistent"));
        json(USER, Map.of("uuid", persistentUuid)).get("/v1/services/list").then().statusCode(400)
                .body("errors[0].message", containsString("unknown field"));
        as(USER).get("/v1/services/list?persistent=1").then().statusCode(400);
        json(USER, Map.of("persistent", true)).queryParam("fqdn", "x").get("/v1/services/list").then()
                .statusCode(400);
    }

    @Test
    void postToListIsWrongMethod() {
        json(USER, Map.of()).post("/v1/services/list").then().statusCode(405)
                .body("errors[0].error", is(2));
    }
}
