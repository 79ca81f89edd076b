-- OpenLER schema, part 10: an achievement can name its entry in the Credential Registry (a CTID of the same
-- organization's published entry); its alignments (JSON) now also carry targetType, targetFramework and targetCode.
alter table achievement add column registry_ctid varchar(60);
