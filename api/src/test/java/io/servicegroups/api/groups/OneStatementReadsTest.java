package io.servicegroups.api.groups;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.create;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.createInstances;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.Db;
import io.servicegroups.core.PageRequest;
import io.servicegroups.core.ServiceGroup;
import io.servicegroups.persistence.GroupReads;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reads answered by one statement each ({@link GroupReads}): whole groups with many services and instances,
 * batches mixing found and unknown items in the order asked, and pages across their boundaries.
 */
@QuarkusTest
class OneStatementReadsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String USER = "carol";

    @Inject
    GroupReads reads;
    @Inject
    Pool pool;

    /** 64 services (each handler list the rules allow) and 100 attached instances. */
    @Test
    void groupWith64ServicesAnd100InstancesComesBackWholeAndInOrder() {
        List<Map<String, Object>> services = new ArrayList<>();
        services.add(Map.of("port", 443, "destination_port", 8443, "handlers", List.of("tls", "http")));
        services.add(Map.of("port", 80, "destination_port", 443, "handlers", List.of("http", "redirect")));
        for (int i = 2; i < 64; i++) {
            services.add(Map.of("port", 20000 + 7 * (64 - i), "destination_port", 1000 + i,
                    "handlers", List.of("tls")));
        }
        String name = unique("big");
        String group = createGroup(USER, Map.of("name", name, "services", services));
        List<Object> instances = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            instances.add(Map.of("address", "10.9.0." + (i + 1), "service_group", Map.of("uuid", group)));
        }
        List<String> attached = createInstances(USER, instances).body("status", is("success"))
                .extract().path("data.instances.uuid");

        Map<String, Object> byPath = as(USER).get("/v1/services/" + group).then().statusCode(200)
                .body("status", is("success")).extract().path("data.service_groups[0]");
        assertThat(byPath.get("instances")).isEqualTo(attached);
        List<Map<String, Object>> answered = cast(byPath.get("services"));
        assertThat(answered).hasSize(64);
        for (int i = 0; i < 64; i++) {
            assertThat(answered.get(i)).containsEntry("port", services.get(i).get("port"))
                    .containsEntry("destination_port", services.get(i).get("destination_port"))
                    .containsEntry("handlers", services.get(i).get("handlers"));
        }
        Map<String, Object> byName = json(USER, List.of(Map.of("name", name))).get("/v1/services").then()
                .statusCode(200).extract().path("data.service_groups[0]");
        assertThat(byName).isEqualTo(byPath);

        ServiceGroup read = reads.find(USER, Set.of(UUID.fromString(group)), Set.of(), true).await().atMost(TIMEOUT)
                .get(0);
        assertThat(read.instances()).map(UUID::toString).isEqualTo(attached);
        assertThat(read.services()).hasSize(64);
        assertThat(read.persistent()).as("a second attached instance makes the group persistent").isTrue();
        ServiceGroup brief = reads.find(USER, Set.of(), Set.of(name), false).await().atMost(TIMEOUT).get(0);
        assertThat(brief.uuid()).isEqualTo(read.uuid());
        assertThat(brief.services()).isEmpty();
        assertThat(brief.instances()).isEmpty();
    }

    @Test
    void batchMixingFoundUnknownAndInvalidItemsAnswersEachInTheOrderAsked() {
        String first = unique("mix");
        String second = unique("mix");
        String a = createGroup(USER, Map.of("name", first, "services", List.of()));
        String b = createGroup(USER, Map.of("name", second, "services", List.of()));
        String bobs = createGroup("bob", Map.of("name", unique("mix"), "services", List.of()));
        String unknown = UUID.randomUUID().toString();
        List<Map<String, String>> body = List.of(Map.of("name", second), Map.of("uuid", unknown), Map.of("uuid", a),
                Map.of("uuid", "not-a-uuid"), Map.of("name", "no-such-group"), Map.of("uuid", bobs),
                Map.of("uuid", a), Map.of("uuid", b), Map.of("name", first));
        json(USER, body).get("/v1/services").then().statusCode(200)
                .body("status", is("partial_success"))
                .body("message", is("4 of 9 items failed"))
                .body("data.service_groups.status", is(List.of("success", "error", "success", "error", "error",
                        "error", "success", "success", "success")))
                .body("data.service_groups.uuid", is(java.util.Arrays.asList(b, unknown, a, "not-a-uuid", null, bobs,
                        a, b, a)))
                .body("data.service_groups.error", is(java.util.Arrays.asList(null, 8, null, 7, 8, 8, null, null,
                        null)))
                .body("data.service_groups[1].message", is("no service group with uuid " + unknown))
                .body("data.service_groups[4].message", is("no service group named \"no-such-group\""))
                .body("data.service_groups[4].name", is("no-such-group"));
        json(USER, List.of()).get("/v1/services").then().statusCode(200)
                .body("data.service_groups", hasSize(0));
    }

    @Test
    void batchAnswersInTheOrderAskedNotTheOrderStored() {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(Map.of("services", List.of(Map.of("port", 443, "destination_port", 8000 + i,
                    "handlers", List.of("tls", "http")))));
        }
        List<String> created = create(USER, batch).body("status", is("success"))
                .extract().path("data.service_groups.uuid");
        List<String> asked = new ArrayList<>(created);
        Collections.shuffle(asked, new java.util.Random(8));
        List<Map<String, String>> body = asked.stream().map(uuid -> Map.of("uuid", uuid)).toList();
        List<Map<String, Object>> answered = json(USER, body).get("/v1/services").then().statusCode(200)
                .body("status", is("success")).extract().path("data.service_groups");
        assertThat(answered).extracting(item -> item.get("uuid")).isEqualTo(asked);
        for (Map<String, Object> item : answered) {
            int position = created.indexOf((String) item.get("uuid"));
            List<Map<String, Object>> services = cast(item.get("services"));
            assertThat(services.get(0)).containsEntry("destination_port", 8000 + position);
        }
    }

    @Test
    void pagesWithDetailsAcrossBoundariesMatchSingleReads() {
        String owner = "pager";
        new Db(pool).query("delete from service_group where owner = $1", owner);
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            batch.add(Map.of("services", List.of(Map.of("port", 443, "destination_port", 7000 + i,
                    "handlers", List.of("tls", "http")), Map.of("port", 80, "destination_port", 443,
                    "handlers", List.of("http", "redirect")))));
        }
        List<String> created = create(owner, batch).body("status", is("success"))
                .extract().path("data.service_groups.uuid");

        List<Map<String, Object>> seen = new ArrayList<>();
        String from = null;
        int pages = 0;
        while (true) {
            var request = as(owner).queryParam("count", 5);
            if (from != null) {
                request.queryParam("from", from);
            }
            List<Map<String, Object>> page = request.get("/v1/services").then().statusCode(200)
                    .body("status", is("success")).extract().path("data.service_groups");
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.size()).isLessThanOrEqualTo(5);
            seen.addAll(page);
            from = (String) page.get(page.size() - 1).get("uuid");
            pages++;
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).extracting(item -> item.get("uuid")).isEqualTo(created);
        for (Map<String, Object> item : seen) {
            Map<String, Object> single = as(owner).get("/v1/services/" + item.get("uuid")).then().statusCode(200)
                    .extract().path("data.service_groups[0]");
            assertThat(item).isEqualTo(single);
        }

        List<ServiceGroup> last = reads.page(owner, new PageRequest(5, UUID.fromString(created.get(19))), true)
                .await().atMost(TIMEOUT);
        assertThat(last).extracting(g -> g.uuid().toString()).isEqualTo(created.subList(20, 23));
        assertThat(last.get(0).services()).hasSize(2);
        assertThat(reads.page(owner, new PageRequest(5, UUID.fromString(created.get(22))), false)
                .await().atMost(TIMEOUT)).isEmpty();
        as(owner).queryParam("from", created.get(22)).get("/v1/services").then().statusCode(200)
                .body("status", is("success")).body("data.service_groups", hasSize(0));
        as("bob").queryParam("from", created.get(0)).get("/v1/services").then().statusCode(400)
                .body("errors[0].error", is(8));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cast(Object list) {
        return (List<Map<String, Object>>) list;
    }
}
