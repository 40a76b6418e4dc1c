package org.opdqueue.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.support.StaffSession;

/** /admin/categories: the hospital's priority categories, managed by its admin and journaled. */
@QuarkusTest
class AdminCategoriesTest {

    @Test
    void anAdminCreatesEditsAndDeactivatesACategoryAndEachChangeIsJournaledWithTheActor() {
        String code = "FREEDOM_FIGHTER_" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase();
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/categories").then().statusCode(200)
                .body(containsString("data-code=\"GENERAL\"")).body(containsString("data-code=\"PREGNANT\""));
        admin.open("/admin/categories/new").then().statusCode(200).body(containsString("<option value=\"none\""));
        admin.form().formParam("code", code.toLowerCase()).formParam("nameEn", "Freedom fighter")
                .formParam("nameHi", "स्वतंत्रता सेनानी").formParam("lane", "priority").formParam("order", "45")
                .formParam("icon", "SENIOR_CITIZEN").formParam("active", "on").post("/admin/categories/new")
                .then().statusCode(303).header("Location", containsString("/admin/categories?saved=" + code));

        String list = admin.open("/admin/categories?saved=" + code).then().statusCode(200)
                .body(containsString("Saved " + code + ".")).extract().asString();
        assertThat(rowOf(list, code)).contains("Freedom fighter", "स्वतंत्रता सेनानी", "priority", "SENIOR_CITIZEN", ">45<")
                .doesNotContain("inactive");
        given().get("/api/priority-categories").then()
                .body("find { it.code == '" + code + "' }.name.hi", equalTo("स्वतंत्रता सेनानी"))
                .body("find { it.code == '" + code + "' }.icon", equalTo("SENIOR_CITIZEN"));

        String id = idIn(list, code);
        admin.open("/admin/categories/" + id).then().statusCode(200)
                .body(containsString("value=\"Freedom fighter\"")).body(containsString("id=\"code\" value=\"" + code + "\" disabled"));
        admin.form().formParam("code", "RENAMED").formParam("nameEn", "Freedom fighter or dependant")
                .formParam("nameHi", "स्वतंत्रता सेनानी").formParam("lane", "priority").formParam("order", "45")
                .formParam("icon", "none").formParam("active", "on").post("/admin/categories/" + id).then().statusCode(303);
        assertThat(rowOf(admin.open("/admin/categories").asString(), code)).contains("Freedom fighter or dependant", "none");
        given().get("/api/priority-categories").then()
                .body("find { it.code == '" + code + "' }.icon", equalTo(null))
                .body("code", not(hasItem("RENAMED")));

        // no "active": the box left unticked
        admin.open("/admin/categories/" + id);
        admin.form().formParam("nameEn", "Freedom fighter or dependant").formParam("nameHi", "स्वतंत्रता सेनानी")
                .formParam("lane", "priority").formParam("order", "45").formParam("icon", "none")
                .post("/admin/categories/" + id).then().statusCode(303);
        assertThat(rowOf(admin.open("/admin/categories").asString(), code)).contains("inactive");
        given().get("/api/priority-categories").then().body("code", not(hasItem(code)));

        assertThat(setUpJournal("category " + code + " %")).containsExactly(
                "admin: category " + code + " created: name Freedom fighter, Hindi name स्वतंत्रता सेनानी, lane priority, "
                        + "order 45, icon SENIOR_CITIZEN, active true",
                "admin: category " + code + " updated: name Freedom fighter → Freedom fighter or dependant, "
                        + "icon SENIOR_CITIZEN → none",
                "admin: category " + code + " updated: active true → false");
    }

    @Test
    void badInputGetsAMessageNextToEachFieldAndSavesNothing() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/categories/new");
        String page = admin.form().formParam("code", "bad code").formParam("nameEn", "")
                .formParam("nameHi", "नया").formParam("lane", "sideways").formParam("order", "x")
                .formParam("icon", "ROCKET").formParam("active", "on")
                .post("/admin/categories/new").then().statusCode(400).extract().asString();
        assertThat(page).contains("Nothing was saved", "value=\"नया\"");
        assertThat(errorOf(page, "code")).isEqualTo("Only letters A–Z, digits 0–9 and _, no spaces.");
        assertThat(errorOf(page, "nameEn")).isEqualTo("Required.");
        assertThat(errorOf(page, "nameHi")).isEmpty();
        assertThat(errorOf(page, "lane")).isEqualTo("Choose the general or the priority lane.");
        assertThat(errorOf(page, "order")).isEqualTo("Must be a whole number.");
        assertThat(errorOf(page, "icon")).isEqualTo("Choose a picture the kiosk has, or none.");
        admin.open("/admin/categories").then().body(not(containsString("BAD CODE")));

        admin.form().formParam("code", "senior_citizen").formParam("nameEn", "Again").formParam("nameHi", "फिर")
                .formParam("lane", "general").formParam("order", "1").formParam("icon", "none")
                .post("/admin/categories/new").then().statusCode(400)
                .body(containsString("Another category already has this code."));
    }

    @Test
    void aCodeStartsWithALetterAndGeneralStaysInTheGeneralLaneAndOffered() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/categories/new");
        String page = admin.form().formParam("code", "9_LIVES").formParam("nameEn", "Nine").formParam("nameHi", "नौ")
                .formParam("lane", "priority").formParam("order", "5").formParam("icon", "none").formParam("active", "on")
                .post("/admin/categories/new").then().statusCode(400).extract().asString();
        assertThat(errorOf(page, "code")).isEqualTo("2 to 24 characters, starting with a letter A–Z.");

        String general = idIn(admin.open("/admin/categories").asString(), "GENERAL");
        admin.open("/admin/categories/" + general);
        page = admin.form().formParam("nameEn", "General").formParam("nameHi", "सामान्य").formParam("lane", "priority")
                .formParam("order", "0").formParam("icon", "GENERAL").post("/admin/categories/" + general)
                .then().statusCode(400).extract().asString();
        assertThat(errorOf(page, "lane")).isEqualTo("GENERAL is the general lane: it cannot be a priority category.");
        assertThat(errorOf(page, "active")).isEqualTo("GENERAL is offered to everyone: it cannot be switched off.");
        given().get("/api/priority-categories").then().body("find { it.code == 'GENERAL' }.priority", equalTo(false));
    }

    @Test
    void aCounterUserIsRefused() {
        StaffSession counter = StaffSession.logIn("counter1", "counter123");
        counter.request().accept("text/html").get("/admin/categories").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("for administrators"));
        counter.request().get("/admin/categories/new").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void thePageOffersExactlyThePicturesTheKioskCanDraw() throws Exception {
        String icons = Files.readString(Path.of("kiosk-ui/icons.js"));
        String table = icons.substring(icons.indexOf("const PICTOGRAMS = {"), icons.indexOf("};", icons.indexOf("const PICTOGRAMS")));
        Matcher keys = Pattern.compile("(?m)^  ([A-Z_]+):").matcher(table);
        List<String> drawn = keys.results().map(m -> m.group(1)).toList();
        assertThat(drawn).containsExactlyElementsOf(PriorityCategory.KIOSK_ICONS);

        StaffSession admin = StaffSession.logIn("admin", "admin123");
        String form = admin.open("/admin/categories/new").asString();
        for (String icon : drawn) {
            assertThat(form).contains("<option value=\"" + icon + "\"");
        }
    }

    @Transactional
    List<String> setUpJournal(String detailLike) {
        return JournalEntry.<JournalEntry>list("type = ?1 and detail like ?2 order by seq", JournalEventType.SETUP_CHANGED,
                detailLike).stream().map(e -> e.actor + ": " + e.detail).toList();
    }

    private static String rowOf(String list, String code) {
        Matcher m = Pattern.compile("<tr[^>]*data-code=\"" + code + "\">.*?</tr>", Pattern.DOTALL).matcher(list);
        assertThat(m.find()).as("row of " + code).isTrue();
        return m.group();
    }

    private static String idIn(String list, String code) {
        Matcher m = Pattern.compile("href=\"/admin/categories/(\\d+)\"").matcher(rowOf(list, code));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String errorOf(String page, String field) {
        Matcher m = Pattern.compile("id=\"" + field + "-error\">([^<]*)<").matcher(page);
        assertThat(m.find()).as("error element of " + field).isTrue();
        return m.group(1);
    }
}
