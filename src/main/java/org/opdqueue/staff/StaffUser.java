package org.opdqueue.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A staff member who logs in. Never deleted, only deactivated, so the journal's actors stay meaningful. */
@Entity
@Table(name = "staff_user")
public class StaffUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    public String username;

    @Column(name = "full_name")
    public String fullName;

    @Enumerated(EnumType.STRING)
    public Role role;

    /** bcrypt, in modular crypt form ({@code $2a$10$…}). */
    @Column(name = "password_hash")
    public String passwordHash;

    public boolean active;

    /** Set for a password someone else chose (bootstrap admin, an admin's reset): changed at the next log-in. */
    @Column(name = "must_change_password")
    public boolean mustChangePassword;

    /** Moved on whenever this user's open log-in sessions must end (log-out, new password, new role, deactivation). */
    @Column(name = "session_generation")
    public int sessionGeneration;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** Ends every log-in session of this user from its next request: their cookies carry the old generation. */
    public void endSessions() {
        sessionGeneration++;
    }

    public static Optional<StaffUser> findByUsername(String facility, String username) {
        return find("facility = ?1 and username = ?2", facility, username).firstResultOptional();
    }

    public static Optional<StaffUser> findInFacility(String facility, long id) {
        return find("facility = ?1 and id = ?2", facility, id).firstResultOptional();
    }

    public static List<StaffUser> listFor(String facility) {
        return list("facility = ?1 order by active desc, username", facility);
    }
}
