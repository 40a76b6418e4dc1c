-- Issue 16: what a Hindi-only reader needs to find the room, and how the kiosk shows departments.
-- room_hint_hi: the department's "where" in Hindi (kiosk, slip, phone page); counter.name_hi: the room or desk
-- in Hindi (board, phone page). display_order: the admin's order of kiosk tiles (then by code);
-- pictogram: one of the kiosk's built-in pictures (kiosk-ui/pictograms.js), or none.
ALTER TABLE service_point
    ADD COLUMN room_hint_hi  VARCHAR(100) NULL,
    ADD COLUMN display_order INT          NOT NULL DEFAULT 0,
    ADD COLUMN pictogram     VARCHAR(32)  NULL;

ALTER TABLE counter
    ADD COLUMN name_hi VARCHAR(100) NULL;
