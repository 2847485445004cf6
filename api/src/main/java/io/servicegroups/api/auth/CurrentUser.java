package io.servicegroups.api.auth;

import jakarta.enterprise.context.RequestScoped;

/** The authenticated user of the current request; objects are owned by and visible to this user only. */
@RequestScoped
public class CurrentUser {
    private String name;

    void set(String name) {
        this.name = name;
    }

    public String name() {
        if (name == null) {
            throw new IllegalStateException("no authenticated user in this request");
        }
        return name;
    }
}
