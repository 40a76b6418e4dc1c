-- Only for LongMigrationTest: a migration that takes longer than the pool's 3 s socket timeout, as an index built on a
-- year's journal does.
DO SLEEP(4);
