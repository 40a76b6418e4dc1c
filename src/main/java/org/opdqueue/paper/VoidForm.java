package org.opdqueue.paper;

import org.jboss.resteasy.reactive.RestForm;

/** A spoiled slip of the book on screen: its number (the digits are enough) and why it is void. */
public class VoidForm {

    @RestForm public String number;
    @RestForm public String reason;

    /** "7" or "P0007" on the page of book MED-P0001… means MED-P0007. */
    String fullNumber(String prefix) {
        String typed = number == null ? "" : number.strip().toUpperCase();
        if (typed.matches("\\d{1,7}")) {
            return PaperNumber.format(prefix, Integer.parseInt(typed));
        }
        if (typed.matches("P\\d{1,7}")) {
            return PaperNumber.format(prefix, Integer.parseInt(typed.substring(1)));
        }
        return typed;
    }
}
