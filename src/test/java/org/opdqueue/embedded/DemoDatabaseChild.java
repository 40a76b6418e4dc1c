package org.opdqueue.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The demo's start-up without Quarkus, in a JVM of its own that a test can stop or kill: starts the embedded
 * database as {@link OpdApplication} does, inserts row {@code args[0]}, says READY and waits.
 */
public class DemoDatabaseChild {

    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.startForDemo(DemoDatabaseSettings.fromEnvironment());
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(DemoDatabaseSettings.DATABASE), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists kept (id int primary key)");
            statement.execute("insert into kept values (" + Integer.parseInt(args[0]) + ")");
        }
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }
}
