package io.servicegroups.gateway;

/** One request or connection on a target: its load unit is given back exactly once. */
final class Work {
    private final WorkEnded ended;
    private Target target;

    Work(Target target, WorkEnded ended) {
        this.target = target;
        this.ended = ended;
    }

    Target target() {
        return target;
    }

    /** Gives the current target's unit back and moves to {@code next} (already acquired). */
    void moveTo(Target next) {
        finish();
        target = next;
    }

    void finish() {
        Target done = target;
        if (done != null) {
            target = null;
            ended.ended(done.instance(), done.load().release());
        }
    }
}
