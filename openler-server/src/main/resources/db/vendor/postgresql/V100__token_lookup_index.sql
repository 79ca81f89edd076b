-- PostgreSQL-only schema (H2 cannot index its large-object text). Versions 100+ are kept for vendor files.
-- Every API request with a bearer token looks its record up by value (revocation check): a hash index makes that a
-- lookup instead of a scan of a table that only grows. Hash, because a JWT can exceed a b-tree entry's size limit.
create index oauth2_authorization_by_access_token on oauth2_authorization using hash (access_token_value);
