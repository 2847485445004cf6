package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 3.6 (persistence transitions) and 3.7 (delete refused while attached). */
class GroupLifecycleTest {
    @Test
    void createdExplicitlyIsPersistent() {
        assertThat(GroupLifecycle.persistentWhenCreatedExplicitly()).isTrue();
    }

    @Test
    void createdWithAnInstanceIsNotPersistent() {
        assertThat(GroupLifecycle.persistentWhenCreatedWithInstance()).isFalse();
    }

    @ParameterizedTest(name = "persistent={0}, {1} attached after the attach → persistent={2}")
    @CsvSource({
            // implicit group and its owning instance: stays non-persistent
            "false, 1, false",
            // a second instance: persistent from then on
            "false, 2, true",
            "false, 3, true",
            // already persistent: stays so, whatever the count
            "true,  1, true",
            "true,  2, true",
            "true,  10, true",
    })
    void attach(boolean persistent, int attachedAfter, boolean expected) {
        assertThat(GroupLifecycle.persistentAfterAttach(persistent, attachedAfter)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "persistent={0} → deleted with its instance: {1}")
    @CsvSource({"false, true", "true, false"})
    void ownerDeleted(boolean persistent, boolean deleted) {
        assertThat(GroupLifecycle.deletedWithInstance(persistent)).isEqualTo(deleted);
    }

    @Test
    void implicitGroupLivesAndDiesWithItsInstance() {
        boolean persistent = GroupLifecycle.persistentWhenCreatedWithInstance();
        persistent = GroupLifecycle.persistentAfterAttach(persistent, 1);

        assertThat(persistent).isFalse();
        assertThat(GroupLifecycle.deletedWithInstance(persistent)).isTrue();
    }

    @Test
    void implicitGroupWithASecondInstanceNoLongerDependsOnTheFirst() {
        boolean persistent = GroupLifecycle.persistentWhenCreatedWithInstance();
        persistent = GroupLifecycle.persistentAfterAttach(persistent, 1);
        persistent = GroupLifecycle.persistentAfterAttach(persistent, 2);

        assertThat(persistent).isTrue();
        assertThat(GroupLifecycle.deletedWithInstance(persistent)).isFalse();
        // back to one instance: still persistent "from then on"
        assertThat(GroupLifecycle.persistentAfterAttach(persistent, 1)).isTrue();
    }

    @Test
    void explicitGroupSurvivesItsInstances() {
        boolean persistent = GroupLifecycle.persistentWhenCreatedExplicitly();
        persistent = GroupLifecycle.persistentAfterAttach(persistent, 1);

        assertThat(persistent).isTrue();
        assertThat(GroupLifecycle.deletedWithInstance(persistent)).isFalse();
    }

    @Test
    void aGroupWithoutInstancesCanBeDeleted() {
        assertThatCode(() -> GroupLifecycle.checkDeletable("my-group", 0)).doesNotThrowAnyException();
    }

    @Test
    void aGroupWithOneInstanceCannotBeDeleted() {
        RuleViolation violation = assertViolation(ErrorCode.ATTACHED,
                () -> GroupLifecycle.checkDeletable("my-group", 1), "my-group", "1 instance attached");
        assertReadable(violation);
    }

    @Test
    void aGroupWithTwoInstancesCannotBeDeleted() {
        assertViolation(ErrorCode.ATTACHED, () -> GroupLifecycle.checkDeletable("my-group", 2),
                "service group my-group", "2 instances attached");
    }

    @Test
    void theAttachedCodeIs15() {
        assertThat(ErrorCode.ATTACHED.code()).isEqualTo(15);
    }
}
