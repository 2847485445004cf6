package io.servicegroups.api.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The application with its gateway on: published port P listens on 127.0.0.1:P+30000. */
public class GatewayProfile implements QuarkusTestProfile {
    public static final int OFFSET = 30000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sg.gateway.enabled", "true", "sg.gateway.host", "127.0.0.1",
                "sg.gateway.port-offset", Integer.toString(OFFSET), "sg.gateway.event-loops", "2",
                "sg.gateway.bind-retry-interval", "1s");
    }
}
