-- Log-in sessions carry the generation they started in; log-out, a password reset or change, a role change and a
-- deactivation move it on, and every cookie of an earlier generation is refused from its next request.
ALTER TABLE staff_user
    ADD COLUMN session_generation INT NOT NULL DEFAULT 0;
