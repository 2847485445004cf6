package io.servicegroups.gateway;

import io.vertx.core.net.NetSocket;

/** Copies bytes both ways between two sockets with back-pressure; closing either closes both. */
final class Splice {
    private Splice() {
    }

    static void both(NetSocket a, NetSocket b, Runnable closed) {
        boolean[] done = new boolean[1];
        Runnable closeBoth = () -> {
            if (!done[0]) {
                done[0] = true;
                a.close();
                b.close();
                closed.run();
            }
        };
        a.closeHandler(v -> closeBoth.run());
        b.closeHandler(v -> closeBoth.run());
        a.exceptionHandler(failure -> closeBoth.run());
        b.exceptionHandler(failure -> closeBoth.run());
        a.pipeTo(b);
        b.pipeTo(a);
    }
}
