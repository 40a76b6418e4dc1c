package org.opdqueue.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database for every {@code @QuarkusTest} in the module. */
@QuarkusTestResource(EmbeddedMariaDbResource.class)
public class TestDatabase {
}
