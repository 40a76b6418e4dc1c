package org.opdqueue.token;

import java.util.List;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.servicepoint.PriorityCategory;

/**
 * Which channel and category each kind of issuer may ask for. The channel is who issued, so the issuer decides it, not
 * the request: a kiosk issues KIOSK tokens, and COUNTER and APPOINTMENT tokens come from staff only. A patient at a
 * kiosk declares a priority category by pressing its button, in the hall, where staff see who stands there; a phone
 * (where the hospital allows one at all) can be anywhere and send anything, so it gets GENERAL tokens only, and a
 * patient with a priority category takes theirs at a kiosk or the counter. SCAN_SHARE tokens are the ABDM gateway's
 * only (its signed JWT is checked by the abdm package before it gets here), GENERAL like a phone's.
 */
public record IssuingRules(boolean anonymousAllowed) {

    /** The request as it will be issued, with the channel its issuer stands for; or the problem to answer with. */
    public IssueTokenRequest admit(Issuer issuer, IssueTokenRequest request) {
        return switch (issuer.kind()) {
            case STAFF -> {
                if (request.channel() == Channel.SCAN_SHARE) {
                    throw refused("channel", "SCAN_SHARE tokens are issued for the ABDM gateway only");
                }
                yield request.channel() == null ? request.withChannel(Channel.COUNTER) : request;
            }
            case KIOSK -> selfService(request, "a kiosk issues KIOSK tokens only");
            case ANONYMOUS -> {
                if (!anonymousAllowed) {
                    throw new ProblemException(ProblemType.UNAUTHENTICATED, "Tokens are issued by an enrolled kiosk "
                            + "(Authorization: Device <code>.<secret>) or by staff (log in); this hospital does not issue "
                            + "them to other clients");
                }
                IssueTokenRequest admitted = selfService(request, "without a kiosk's key or a log-in only KIOSK tokens");
                if (!PriorityCategory.GENERAL.equals(admitted.priorityOrDefault())) {
                    throw refused("priority", "a priority category is declared at a kiosk or the registration counter");
                }
                yield admitted;
            }
            case GATEWAY -> request.withChannel(Channel.SCAN_SHARE);
        };
    }

    private static IssueTokenRequest selfService(IssueTokenRequest request, String why) {
        if (request.channel() != null && request.channel() != Channel.KIOSK) {
            throw refused("channel", request.channel() + " tokens are issued by staff; " + why);
        }
        return request.withChannel(Channel.KIOSK);
    }

    private static ProblemException refused(String field, String message) {
        return new ProblemException(ProblemType.FORBIDDEN, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
