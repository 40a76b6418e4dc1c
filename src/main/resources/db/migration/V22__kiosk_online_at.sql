-- When each kiosk last spoke to the server online (an online token or a reserve). A kiosk merges its offline
-- outbox before it issues online again, so none of its offline tokens can have been issued before this moment:
-- the merge queues a token back-dated past it from there (issue 12: a stolen key back-dating to the reserve).
ALTER TABLE device
    ADD COLUMN online_at TIMESTAMP(6) NULL;
