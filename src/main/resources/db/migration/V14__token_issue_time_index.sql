-- The outage record counts tokens per channel by issue time ([started_at, ended_at) of each outage). No index
-- in V1 leads with issued_at, and business_day cannot stand in for it: an offline or paper token's issue time is
-- its device or slip time, so the count would need a widened day range and a row lookup per token. This index
-- covers that count (facility, issue-time range, channel) without touching a row. Issue times mostly grow, so
-- inserts land at its right-hand edge.
CREATE INDEX ix_token_issued ON token (facility, issued_at, channel);
