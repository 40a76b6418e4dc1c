package org.opdqueue.token;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opdqueue.common.Hashes;
import org.opdqueue.servicepoint.PriorityCategory;

/**
 * Body of {@code POST /api/tokens}. {@code requestId} is made by the client so that a retry of the
 * same request yields the same token. Priority defaults to GENERAL, channel to COUNTER.
 */
public record IssueTokenRequest(
        @NotNull(message = "is required: a UUID made by the client") UUID requestId,
        @NotBlank(message = "is required") @Size(max = 16, message = "must be at most 16 characters") String serviceCode,
        @Size(max = 24, message = "must be at most 24 characters") String priority,
        Channel channel,
        @Valid PatientDetails patient,
        @Size(max = 64, message = "must be at most 64 characters") String deviceId,
        @Size(max = 24, message = "must be at most 24 characters") String offlineNumber,
        Instant issuedAt) {

    public String priorityOrDefault() {
        return priority == null || priority.isBlank() ? PriorityCategory.GENERAL : priority.strip().toUpperCase();
    }

    public Channel channelOrDefault() {
        return channel == null ? Channel.COUNTER : channel;
    }

    /** The same request, issued on this channel (the issuer's, whatever the client said). */
    public IssueTokenRequest withChannel(Channel channel) {
        return new IssueTokenRequest(requestId, serviceCode, priority, channel, patient, deviceId, offlineNumber, issuedAt);
    }

    /** What identifies the request's content, so a reused requestId with a different body is caught. */
    public String fingerprint() {
        PatientDetails p = patient == null ? new PatientDetails(null, null, null, null, null, null) : patient;
        String canonical = String.join("\u001f", serviceCode.strip().toUpperCase(), priorityOrDefault(),
                channelOrDefault().name(), Objects.toString(p.trimmedName(), ""), Objects.toString(p.age(), ""),
                Objects.toString(p.sex(), ""), Objects.toString(p.mobile(), ""), Objects.toString(p.abhaDigits(), ""),
                Objects.toString(p.uhid(), ""), Objects.toString(deviceId, ""), Objects.toString(offlineNumber, ""),
                Objects.toString(issuedAt, ""));
        return Hashes.sha256Hex(canonical);
    }
}
