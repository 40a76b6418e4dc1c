-- Daily roll-ups for the reports: a closed business day is measured once (from the token table and the journal) and
-- kept, so a year of reports reads 365 rows, not 4 million tokens. Medians cannot be added up across days, so each
-- day keeps its own finished figures (body: the day's report as JSON), the arrivals per hour for the heat map, and
-- the estimate errors per service as a histogram (exact medians and shares over any range, to the minute).
-- definitions: the version of the measures' definitions a row was computed with; an older row is computed again.
CREATE TABLE report_day (
    facility       VARCHAR(32)  NOT NULL,
    business_day   DATE         NOT NULL,
    definitions    INT          NOT NULL,
    computed_at    TIMESTAMP(6) NOT NULL,
    issued         INT          NOT NULL,
    completed      INT          NOT NULL,
    no_show        INT          NOT NULL,
    cancelled      INT          NOT NULL,
    waiting_median INT          NULL,
    waiting_p90    INT          NULL,
    body           MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (facility, business_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE report_day_hour (
    facility     VARCHAR(32) NOT NULL,
    business_day DATE        NOT NULL,
    hour         TINYINT     NOT NULL,
    arrivals     INT         NOT NULL,
    PRIMARY KEY (facility, business_day, hour)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- error_minutes: actual wait (issued -> first called) minus the estimate given at issue, rounded to the minute.
CREATE TABLE report_estimate_error (
    facility      VARCHAR(32) NOT NULL,
    business_day  DATE        NOT NULL,
    service_id    BIGINT      NOT NULL,
    error_minutes INT         NOT NULL,
    tokens        INT         NOT NULL,
    PRIMARY KEY (facility, business_day, service_id, error_minutes)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Counter openings and closings are read by type and day (a day's, and the last before a day); the journal had no
-- index by day.
CREATE INDEX ix_journal_type_day ON journal_entry (facility, type, business_day);
