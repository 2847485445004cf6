package io.servicegroups.api.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that changes items one transaction each: its answer must report every committed item,
 * so the {@link DeadlineGuard} leaves the timing to its {@link WriteBudget} and only guards against a database
 * that stopped answering altogether.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ChangesItems {
}
