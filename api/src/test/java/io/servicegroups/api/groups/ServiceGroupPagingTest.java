package io.servicegroups.api.groups;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing all groups a page at a time: count (default 100) and from (exclusive), by creation time then uuid. */
@QuarkusTest
class ServiceGroupPagingTest {
    private static final String USER = "pager";
    private static final int GROUPS = 120;

    @Inject
    Pool pool;
    private List<String> created;

    @BeforeEach
    void createGroupsForOwnUser() {
        new Db(pool).query("delete from service_group where owner = $1", USER);
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            batch.add(Map.of("services", List.of()));
        }
        created = create(USER, batch).body("status", is("success")).extract().path("data.service_groups.uuid");
    }

    @Test
    void defaultPageHas100GroupsInCreationOrder() {
        List<String> page = as(USER).get("/v1/services").then().statusCode(200)
                .body("data.service_groups", hasSize(100))
                .extract().path("data.service_groups.uuid");
        assertThat(page).isEqualTo(created.subList(0, 100));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String from = null;
        for (int pages = 0; pages < 20; pages++) {
            var request = as(USER).queryParam("count", 25).queryParam("details", false);
            if (from != null) {
                request.queryParam("from", from);
            }
            List<String> page = request.get("/v1/services").then().statusCode(200).extract()
                    .path("data.service_groups.uuid");
            if (page.isEmpty()) {
                break;
            }
            assertThat(page).hasSizeLessThanOrEqualTo(25);
            seen.addAll(page);
            from = page.get(page.size() - 1);
        }
        assertThat(seen).isEqualTo(created);
    }

    @Test
    void fromTheLastGroupGivesAnEmptyPage() {
        as(USER).get("/v1/services?from=" + created.get(GROUPS - 1)).then().statusCode(200)
                .body("status", is("success"))
                .body("data.service_groups", hasSize(0));
    }

    @Test
    void aListingWhoseFromGroupWasDeletedMeanwhileGoesOn() {
        List<String> first = as(USER).get("/v1/services?count=25&details=false").then().statusCode(200)
                .extract().path("data.service_groups.uuid");
        String last = first.get(24);
        as(USER).delete("/v1/services/" + last).then().statusCode(200)
                .body("data.service_groups[0].status", is("success"));
        List<String> next = as(USER).get("/v1/services?count=25&details=false&from=" + last).then().statusCode(200)
                .extract().path("data.service_groups.uuid");
        assertThat(next).isEqualTo(created.subList(25, 50));
        as("alice").get("/v1/services?from=" + last).then().statusCode(400)
                .body("errors[0].error", is(8));
    }

    @Test
    void fromAnUnknownGroupIsRefused() {
        as(USER).get("/v1/services?from=" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].error", is(8))
                .body("errors[0].message", containsString("from"));
    }

    @Test
    void fromAnotherUsersGroupIsUnknown() {
        as("alice").get("/v1/services?from=" + created.get(0)).then().statusCode(400)
                .body("errors[0].error", is(8));
    }
}
