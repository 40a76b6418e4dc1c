package org.opdqueue.abdm;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.token.PatientDetails;
import org.opdqueue.token.Sex;

/**
 * A share as we keep it: the counter's context, the ABHA address, and the patient's details in the form the token
 * keeps them. What we cannot do without (context, ABHA address) or cannot store (a name over 100 characters) is a
 * 400 naming the field; what ABDM may send in a form we do not expect (a masked mobile, an ABHA number with
 * spaces) is left out rather than refused, since refusing what the platform accepts would turn the patient away.
 */
public record SharedProfile(String context, String abhaAddress, PatientDetails patient) {

    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ABHA_ADDRESS = Pattern.compile("[A-Za-z0-9._-]{1,80}@[A-Za-z0-9.-]{1,19}");
    private static final Pattern MOBILE = Pattern.compile("[6-9][0-9]{9}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public static SharedProfile of(AbdmWire.Share share, Year thisYear) {
        List<Problem.FieldError> errors = new ArrayList<>();
        AbdmWire.MetaData meta = share.metaData();
        String context = meta == null || meta.context() == null ? null : meta.context().strip();
        if (context == null || context.isEmpty()) {
            errors.add(new Problem.FieldError("metaData.context", "is required: the counter QR code's counter-id"));
        } else if (!CONTEXT.matcher(context).matches()) {
            errors.add(new Problem.FieldError("metaData.context", "must be 1 to 64 letters, digits, '_' or '-'"));
        }
        AbdmWire.Patient p = share.profile() == null ? null : share.profile().patient();
        String address = p == null || p.abhaAddress() == null ? null : p.abhaAddress().strip();
        if (address == null || address.isEmpty()) {
            errors.add(new Problem.FieldError("profile.patient.abhaAddress", "is required"));
        } else if (!ABHA_ADDRESS.matcher(address).matches()) {
            errors.add(new Problem.FieldError("profile.patient.abhaAddress", "must be an ABHA address such as name@sbx"));
        }
        String name = p == null || p.name() == null ? null : CONTROL.matcher(p.name()).replaceAll(" ").strip();
        if (name != null && name.length() > 100) {
            errors.add(new Problem.FieldError("profile.patient.name", "must be at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        return new SharedProfile(context.toUpperCase(), address.toLowerCase(), new PatientDetails(
                name == null || name.isEmpty() ? null : name, age(p.yearOfBirth(), thisYear), sex(p.gender()),
                mobile(p.phoneNumber()), abhaNumber(p.abhaNumber()), null));
    }

    /** The token keeps an age, so the year of birth becomes this year's age. */
    private static Integer age(Integer yearOfBirth, Year thisYear) {
        if (yearOfBirth == null) {
            return null;
        }
        int age = thisYear.getValue() - yearOfBirth;
        return age >= 0 && age <= 120 ? age : null;
    }

    private static Sex sex(String gender) {
        if (gender == null) {
            return null;
        }
        return switch (gender.strip().toUpperCase()) {
            case "M", "MALE" -> Sex.MALE;
            case "F", "FEMALE" -> Sex.FEMALE;
            case "O", "OTHER", "T" -> Sex.OTHER;
            default -> null;
        };
    }

    /** Ten digits, with or without +91; a masked or foreign number is left out. */
    private static String mobile(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s+-]", "");
        if (digits.length() == 12 && digits.startsWith("91")) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? digits : null;
    }

    private static String abhaNumber(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[\\s-]", "");
        return digits.matches("[0-9]{14}") ? digits : null;
    }
}
