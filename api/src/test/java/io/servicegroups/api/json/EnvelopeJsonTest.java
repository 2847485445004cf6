package io.servicegroups.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicegroups.api.envelope.Envelope;
import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.api.groups.ServiceGroupItem;
import io.servicegroups.api.groups.ServiceGroupsData;
import io.servicegroups.api.instances.InstanceItem;
import io.servicegroups.api.instances.InstancesData;
import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.Handler;
import io.servicegroups.core.Instance;
import io.servicegroups.core.InstanceState;
import io.servicegroups.core.InstanceTransitions.Transition;
import io.servicegroups.core.PublishedService;
import io.servicegroups.core.RuleViolation;
import io.servicegroups.core.ServiceGroup;
import io.servicegroups.persistence.ServiceGroupRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link EnvelopeBodyWriter} writes the same bytes as the application's Jackson mapper (Quarkus's defaults and
 * {@link JacksonSpeed}) makes of the annotated records, for every kind of item and envelope the API answers.
 */
class EnvelopeJsonTest {
    private static final ObjectMapper JACKSON = jackson();
    private static final EnvelopeBodyWriter WRITER = new EnvelopeBodyWriter(JACKSON);
    private static final String HARD = "q\"b\\s/ \u0000\u0001\u001f\b\t\n\f\r\u007f é ß 中文 \u2028\u2029 😀 end";

    private static ObjectMapper jackson() {
        ObjectMapper mapper = new ObjectMapper();
        new JacksonSpeed().customize(mapper);
        return mapper;
    }

    private static void assertSameAsJackson(Envelope<?> envelope) throws Exception {
        String ours = new String(WRITER.bytes(envelope), StandardCharsets.UTF_8);
        assertThat(ours).isEqualTo(JACKSON.writeValueAsString(envelope));
    }

    private static ServiceGroup group(String name, List<UUID> instances, PublishedService... services) {
        return new ServiceGroup(UUID.randomUUID(), "owner", name, name + ".fra0.kraft.host",
                Instant.parse("2023-08-21T16:38:15.5Z"), List.of(services), instances, true,
                new ConcurrencyLimits(3, 7));
    }

    private static Instance instance(String name, Instance.GroupRef group) {
        return new Instance(UUID.randomUUID(), "owner", name, "10.0.0.7", InstanceState.DRAINING,
                Instant.parse("2024-02-29T23:59:59Z"), group, null);
    }

    private static Outcome<?> failure(String message) {
        return Outcome.failure(new RuleViolation(ErrorCode.NOT_FOUND, message), "not-a-uuid", "missing");
    }

    @Test
    void everyKindOfServiceGroupItem() throws Exception {
        ServiceGroup full = group("young-monkey", List.of(UUID.randomUUID(), UUID.randomUUID()),
                new PublishedService(443, 8080, List.of(Handler.TLS, Handler.HTTP)),
                new PublishedService(80, 8080, List.of(Handler.HTTP, Handler.REDIRECT)),
                new PublishedService(9000, 9000, List.of()));
        ServiceGroup bare = group("bare", List.of());
        List<ServiceGroupItem> items = List.of(ServiceGroupItem.full(full), ServiceGroupItem.full(bare),
                ServiceGroupItem.created(full), ServiceGroupItem.brief(full), ServiceGroupItem.listed(bare),
                ServiceGroupItem.deleted(new ServiceGroupRepository.Locked(UUID.randomUUID(), "gone", "g.h", false)),
                ServiceGroupItem.failed(failure("no service group with uuid not-a-uuid")),
                new ServiceGroupItem(null, null, null, null, null, List.of(new ServiceGroupItem.Domain(null)), null,
                        List.of(new ServiceGroupItem.Service(1, 2, null)), null, null, null, null, null, null));
        assertSameAsJackson(Envelope.of(new ServiceGroupsData(items)));
        assertSameAsJackson(Envelope.of(new ServiceGroupsData(List.of())).withOpTime(0));
        assertSameAsJackson(Envelope.of(new ServiceGroupsData(null)).withOpTime(Long.MAX_VALUE));
    }

    @Test
    void everyKindOfInstanceItem() throws Exception {
        Instance.GroupRef group = new Instance.GroupRef(UUID.randomUUID(), "web", "web.fra0.kraft.host");
        Instance attached = instance("nginx-1", group);
        Instance alone = instance("private", null);
        List<InstanceItem> items = List.of(InstanceItem.full(attached), InstanceItem.full(alone),
                InstanceItem.created(attached), InstanceItem.created(alone), InstanceItem.brief(attached),
                InstanceItem.changed(attached, new Transition(InstanceState.RUNNING, InstanceState.DRAINING, null)),
                InstanceItem.failed(failure("no instance named missing")),
                new InstanceItem(null, null, null, null, null, null, null, new InstanceItem.GroupRef(null, null, null),
                        null, null));
        assertSameAsJackson(Envelope.of(new InstancesData(items)).withOpTime(1234));
        assertSameAsJackson(Envelope.of(new InstancesData(null)));
    }

    @Test
    void batchEnvelopesWithMessagesAndWarnings() throws Exception {
        ServiceGroup g = group("a", List.of());
        List<Outcome<ServiceGroup>> mixed = List.of(Outcome.success(g),
                Outcome.failure(new RuleViolation(ErrorCode.INVALID, HARD), null, "b"));
        assertSameAsJackson(Envelope.batch(mixed, ServiceGroupItem::full, ServiceGroupItem::failed,
                ServiceGroupsData::new, value -> List.of("port 80 " + HARD, "second warning")));
        List<Outcome<ServiceGroup>> failedOnly = List.of(Outcome.failure(new RuleViolation(ErrorCode.INVALID, ""),
                null, null));
        assertSameAsJackson(Envelope.batch(failedOnly, ServiceGroupItem::full, ServiceGroupItem::failed,
                ServiceGroupsData::new, value -> List.of()));
    }

    @Test
    void failuresOfTheWholeRequest() throws Exception {
        assertSameAsJackson(Envelope.failure(400, 16, "body is not valid JSON at line 1, column 2: " + HARD));
        assertSameAsJackson(Envelope.failure(503, 3, "the database is not available").withOpTime(17));
        assertSameAsJackson(Envelope.failure(500, 1, ""));
    }

    @Test
    void dataThatDoesNotWriteItselfGoesToJackson() throws Exception {
        assertSameAsJackson(Envelope.of(Map.of("key", List.of(1, 2, 3))));
    }

    @Test
    void randomTextsAreEscapedAsJacksonEscapesThem() throws Exception {
        Random random = new Random(42);
        char[] alphabet = ("abcXYZ09-_.:/\"\\ \u0000\u0001\u0008\t\n\u000b\f\r\u001b\u001f\u007f\u0080\u00ff"
                + "\u0100\u07ff\u0800\u2028\uffef\uffff").toCharArray();
        List<ServiceGroupItem> items = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                if (random.nextInt(20) == 0) {
                    text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
                } else {
                    text.append(alphabet[random.nextInt(alphabet.length)]);
                }
            }
            items.add(ServiceGroupItem.failed(failure(text.toString())));
        }
        assertSameAsJackson(Envelope.of(new ServiceGroupsData(items)));
    }

    @Test
    void aLoneSurrogateIsEscapedAndReadsBackTheSame() throws Exception {
        String text = "a\ud800b\udc00c\ud83d";
        Envelope<?> envelope = Envelope.failure(400, 7, text);
        byte[] ours = WRITER.bytes(envelope);
        assertThat(new String(ours, StandardCharsets.US_ASCII)).contains("a\\uD800b\\uDC00c\\uD83D");
        assertThat(JACKSON.readTree(ours).get("message").asText()).isEqualTo(text);
    }
}
