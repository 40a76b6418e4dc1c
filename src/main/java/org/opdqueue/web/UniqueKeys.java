package org.opdqueue.web;

import java.util.Locale;
import java.util.Optional;

/**
 * Which unique key a failed save ran into. The database decides duplicates (two admins saving the same
 * code at once cannot both win); the form then puts the message next to the field that key covers.
 */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    /** The name of the violated unique key, e.g. {@code uk_service_code}, if that is why the save failed. */
    public static Optional<String> violated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            int at = message.indexOf("duplicate entry");
            if (at >= 0) {
                int key = message.indexOf("for key '", at);
                if (key >= 0) {
                    String name = message.substring(key + "for key '".length());
                    name = name.substring(0, Math.max(0, name.indexOf('\'')));
                    return Optional.of(name.substring(name.lastIndexOf('.') + 1));
                }
            }
        }
        return Optional.empty();
    }
}
