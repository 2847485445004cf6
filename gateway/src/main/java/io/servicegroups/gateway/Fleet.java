package io.servicegroups.gateway;

/**
 * What every listener shares for operating a fleet of replicas: the meters (null: none), the access log, and the
 * graceful-shutdown state.
 */
record Fleet(GatewayMetrics metrics, AccessLog accessLog, Closing closing) {
    static Fleet standalone() {
        return new Fleet(null, AccessLog.OFF, new Closing());
    }

    /** A request or connection for no routed group. */
    void unrouted() {
        if (metrics != null) {
            metrics.unrouted().increment();
        }
    }
}
