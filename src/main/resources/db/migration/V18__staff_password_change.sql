-- A password someone else chose (the bootstrap admin's, or one an admin set) must be changed at first log-in.
ALTER TABLE staff_user
    ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
