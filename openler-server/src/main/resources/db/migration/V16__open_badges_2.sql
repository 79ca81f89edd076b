-- OpenLER schema: the wallet holds Open Badges 2.0 assertions imported from elsewhere — hosted (the assertion's JSON)
-- or signed (its compact JWS) — beside W3C verifiable credentials.
alter table wallet_credential drop constraint wallet_credential_format;
alter table wallet_credential add constraint wallet_credential_format
    check (format in ('DATA_INTEGRITY', 'VC_JWT', 'SD_JWT', 'OB2', 'OB2_SIGNED'));
