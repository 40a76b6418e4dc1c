package org.opdqueue.paper;

import org.jboss.resteasy.reactive.RestForm;

import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;

/** The admin's order for a new book: which service, how many slips. */
public class BookForm {

    @RestForm public String serviceCode;
    @RestForm public String slips;

    public static BookForm blank() {
        BookForm f = new BookForm();
        f.slips = "100";
        return f;
    }

    /** The number of slips, or null with a message for each field that is wrong. */
    public Integer check(FieldErrors errors) {
        Fields fields = new Fields(errors);
        fields.code("serviceCode", serviceCode, 16);
        return fields.number("slips", slips, 1, PaperBooks.LARGEST_BOOK);
    }
}
