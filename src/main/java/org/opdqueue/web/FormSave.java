package org.opdqueue.web;

import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Saves what one submitted form describes in one transaction: all of it, or (when a field is wrong or a
 * unique key is taken) none of it, with the messages for the form.
 */
public final class FormSave {

    /** The field and message to show when a unique key refuses the save. */
    public record Taken(String field, String message) {
    }

    /** Leaves the transaction when the form is wrong, so that nothing of it is kept. */
    private static final class Rejected extends RuntimeException {
        final transient FieldErrors errors;

        Rejected(FieldErrors errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    private FormSave() {
    }

    /**
     * @param work checks the form and changes entities; returns the field errors it found (then nothing is kept)
     * @param keys unique key name → what to tell the user
     */
    public static FieldErrors run(Supplier<FieldErrors> work, Map<String, Taken> keys) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                FieldErrors errors = work.get();
                if (!errors.isEmpty()) {
                    throw new Rejected(errors);
                }
                Panache.getEntityManager().flush(); // a taken key shows up here, inside the try
                return errors;
            });
        } catch (Rejected e) {
            return e.errors;
        } catch (RuntimeException e) {
            Taken taken = UniqueKeys.violated(e).map(keys::get).orElseThrow(() -> e);
            return FieldErrors.none().add(taken.field(), taken.message());
        }
    }
}
