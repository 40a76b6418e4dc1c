package org.opdqueue.abdm;

/**
 * ABDM's two worlds: the sandbox a hospital tests against with its sandbox client id, and production. Each has its
 * own gateway, consent-manager id ({@code X-CM-ID}) and PHR web address that counter QR codes point to.
 */
public enum AbdmEnvironment {
    SANDBOX("https://dev.abdm.gov.in", "sbx", "https://phrsbx.abdm.gov.in"),
    PRODUCTION("https://apis.abdm.gov.in", "abdm", "https://phr.abdm.gov.in");

    private final String defaultGateway;
    private final String cmId;
    private final String phrBase;

    AbdmEnvironment(String defaultGateway, String cmId, String phrBase) {
        this.defaultGateway = defaultGateway;
        this.cmId = cmId;
        this.phrBase = phrBase;
    }

    public String defaultGateway() {
        return defaultGateway;
    }

    public String cmId() {
        return cmId;
    }

    /** What a counter's QR code holds: the ABHA apps open it to share the profile with this HIP and counter. */
    public String shareLink(String hipId, String context) {
        return phrBase + "/share-profile?hip-id=" + hipId + "&counter-id=" + context;
    }
}
