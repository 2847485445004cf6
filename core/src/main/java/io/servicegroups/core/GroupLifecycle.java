package io.servicegroups.core;

/**
 * Persistence transitions of a service group (SPEC 3.6), in one place:
 * <ul>
 *   <li>created with {@code POST /v1/services}: persistent, lives until deleted;</li>
 *   <li>created implicitly with an instance: not persistent, owned by that instance;</li>
 *   <li>a second instance attached: persistent from then on, for good;</li>
 *   <li>the owner of a non-persistent group deleted: the group is deleted with it;</li>
 *   <li>deleting a group is refused while any instance is attached.</li>
 * </ul>
 * A non-persistent group never has more than its owning instance attached, so "owner" needs no column.
 */
public final class GroupLifecycle {
    private GroupLifecycle() {
    }

    public static boolean persistentWhenCreatedExplicitly() {
        return true;
    }

    public static boolean persistentWhenCreatedWithInstance() {
        return false;
    }

    /**
     * @param attachedAfter instances attached once the new one is, counting it
     * @return whether the group is persistent after the attach
     */
    public static boolean persistentAfterAttach(boolean persistent, int attachedAfter) {
        return persistent || attachedAfter >= 2;
    }

    /** Whether deleting an attached instance deletes its group too. */
    public static boolean deletedWithInstance(boolean persistent) {
        return !persistent;
    }

    /** @throws RuleViolation {@link ErrorCode#ATTACHED} while instances are attached */
    public static void checkDeletable(String group, int attached) {
        if (attached > 0) {
            throw new RuleViolation(ErrorCode.ATTACHED, "service group " + group + " still has " + attached
                    + (attached == 1 ? " instance" : " instances") + " attached; delete or detach them first");
        }
    }
}
