package org.opdqueue.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;

/** A client hanging up mid-request is not a server failure, but the database hanging up still is. */
class ClientGoneTest {

    @Test
    void aClosedHttpConnectionAnywhereInTheCausesIsAClientThatWentAway() {
        assertThat(Failures.isClientGone(new HttpClosedException("Connection was closed"))).isTrue();
        assertThat(Failures.isClientGone(new CompletionException(new HttpClosedException("Connection was closed")))).isTrue();
        assertThat(Failures.isClientGone(new VertxException("Connection was closed"))).isTrue();
        assertThat(Failures.isClientGone(new IllegalStateException(new ClosedChannelException()))).isTrue();
    }

    @Test
    void aBrokenPipeOrAResetFromTheClientIsAClientThatWentAway() {
        assertThat(Failures.isClientGone(new UncheckedIOException(new IOException("Broken pipe")))).isTrue();
        assertThat(Failures.isClientGone(new SocketException("Connection reset by peer"))).isTrue();
        assertThat(Failures.isClientGone(new RuntimeException(new SocketException("Connection reset")))).isTrue();
    }

    @Test
    void theDatabaseHangingUpIsNotAClientThatWentAway() {
        Throwable databaseReset = new SQLNonTransientConnectionException("Socket error",
                "08000", new SocketException("Connection reset"));
        assertThat(Failures.isClientGone(new RuntimeException(databaseReset))).isFalse();
        assertThat(Failures.classify(databaseReset)).isEqualTo(ProblemType.DEGRADED);
    }

    @Test
    void otherFailuresAreNotAClientThatWentAway() {
        assertThat(Failures.isClientGone(new IllegalStateException("bug"))).isFalse();
        assertThat(Failures.isClientGone(new IOException("No space left on device"))).isFalse();
        assertThat(Failures.isClientGone(new NullPointerException())).isFalse();
    }

    @Test
    void aClientThatWentAwayIsAnsweredWithoutAServerError() {
        ProblemMappers mappers = new ProblemMappers(null, null, null);
        assertThat(mappers.unexpected(new HttpClosedException("Connection was closed"), null).getStatus())
                .isEqualTo(ProblemMappers.CLIENT_CLOSED_REQUEST);
    }
}
