package org.opdqueue.notify;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Messages to patients who gave a mobile number and consent (issue 17). Its own mapping, apart from
 * {@code OpdConfig}: every setting here is about notifications only.
 */
@ConfigMapping(prefix = "opd.notify")
public interface NotifyConfig {

    /** Off: no journal is read for notifications and nothing is sent (deliveries already made wait). */
    @WithDefault("true")
    boolean enabled();

    /** A patient is told their turn nears when this many or fewer are ahead; a service may set its own (0 = never). */
    @WithDefault("5")
    int placesAhead();

    /** How often the journal is read for new events, and due deliveries are sent. */
    @WithDefault("1s")
    Duration every();

    /** A failed attempt is tried again after this, doubling each time. */
    @WithDefault("10s")
    Duration firstRetryAfter();

    @WithDefault("8")
    int maxAttempts();

    /** The language of messages to a patient whose token says none (issued at a counter). */
    @WithDefault("hi")
    String defaultLanguage();

    Sms sms();

    /** The built-in sender for an HTTP SMS gateway; off while {@code url} is not set. */
    interface Sms {
        Optional<String> url();

        /** GET puts the parameters in the query; POST sends them form-encoded. */
        @WithDefault("GET")
        String method();

        /**
         * The gateway's parameters, {@code name=value&...}, with placeholders {mobile}, {message}, {apiKey},
         * {sender}; each value is URL-encoded as UTF-8 after the placeholders are filled in.
         */
        @WithDefault("apikey={apiKey}&sender={sender}&numbers=91{mobile}&message={message}&unicode=1")
        String params();

        /** The gateway's key (a secret: never shown on a page or logged). */
        Optional<String> apiKey();

        @WithDefault("OPDTKN")
        String sender();

        @WithDefault("{hospital}: token {token} ({service}) - {ahead} ahead of you, about {wait} min. Please come to the waiting hall.")
        String turnNearEn();

        @WithDefault("{hospital}: टोकन {token} ({service}) - आपसे पहले {ahead} लोग, लगभग {wait} मिनट। कृपया प्रतीक्षा कक्ष में आएँ।")
        String turnNearHi();

        @WithDefault("{hospital}: token {token} is called to {counter}. Please go now.")
        String calledEn();

        @WithDefault("{hospital}: टोकन {token} को {counter} पर बुलाया गया है। कृपया अभी जाएँ।")
        String calledHi();
    }
}
