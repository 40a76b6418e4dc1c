package org.opdqueue.report;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Report work: its transaction's connection waits up to {@code opd.reports.read-timeout} for the database instead of
 * the pool's 3 s socket timeout, and a report that takes longer is refused as too slow, never taken for a database
 * that is gone (see {@link LongReads}). Put it on methods that run in a transaction of their own or join one.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ReportReads {
}
