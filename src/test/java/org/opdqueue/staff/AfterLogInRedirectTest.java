package org.opdqueue.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page a visitor is sent back to after logging in is always one on this server, never another site. */
class AfterLogInRedirectTest {

    @Test
    void aPathOnThisServerIsKept() {
        assertThat(LoginPage.landingAfter("%2Fadmin%2Fstaff%3Fsaved%3Dx")).isEqualTo("/admin/staff?saved=x");
        assertThat(LoginPage.landingAfter(null)).isEqualTo(LoginPage.LANDING_PAGE);
    }

    @Test
    void anythingThatLeavesTheServerGoesToTheConsoleInstead() {
        for (String elsewhere : new String[] { "https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2F%5Cevil.example",
                "evil", "%2Flogin%3Ferror%3Dtrue", "%2Fconsole%0D%0ASet-Cookie%3A+x%3Dy" }) {
            assertThat(LoginPage.landingAfter(elsewhere)).as(elsewhere).isEqualTo(LoginPage.LANDING_PAGE);
        }
    }
}
