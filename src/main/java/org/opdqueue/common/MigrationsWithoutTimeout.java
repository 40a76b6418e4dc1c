package org.opdqueue.common;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Migrations run without the pool's socket timeout (3 s, so that a dead database fails a request fast): an index
 * built on a year's journal takes minutes, and a migration cut off by the timeout stops the server from starting.
 * Each connection Flyway takes has no network timeout while Flyway holds it, and gets its own back when returned.
 */
@Singleton
public class MigrationsWithoutTimeout implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(MigrationsWithoutTimeout.class);

    /** The MariaDB driver sets the socket's timeout at once; it needs no executor to do it on. */
    static final Executor AT_ONCE = Runnable::run;

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource pool = configuration.getDataSource();
        if (pool != null) {
            configuration.dataSource(untimed(pool));
        }
    }

    static DataSource untimed(DataSource pool) {
        InvocationHandler source = (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                Connection c = (Connection) invoke(pool, method, args);
                return untimed(c);
            }
            return invoke(pool, method, args);
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
                source);
    }

    private static Connection untimed(Connection c) throws SQLException {
        int before = c.getNetworkTimeout();
        c.setNetworkTimeout(AT_ONCE, 0);
        InvocationHandler connection = (proxy, method, args) -> {
            if (method.getName().equals("close") && !c.isClosed()) {
                try {
                    c.setNetworkTimeout(AT_ONCE, before);
                } catch (SQLException e) {
                    LOG.debugf("could not give a migration's connection its timeout back: %s", e.getMessage());
                }
            }
            return invoke(c, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                connection);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
