-- The public transparency log (RFC 9162 Merkle tree; see docs/transparency-log.md). Append-only: entries are written
-- in the transaction of the event they record, with no leaf index yet; the single sequencer gives them their index,
-- stores the tree nodes they complete and signs a new checkpoint. Nothing here is personal data: entries carry
-- hashes and public identifiers only.

-- One row per logged event. seq orders entries as they were written; leaf_index is their place in the tree (set once
-- by the sequencer, never changed). entry is the exact bytes (UTF-8 JSON) whose RFC 9162 leaf hash is leaf_hash.
create table transparency_entry (
    seq           bigserial    primary key,
    leaf_index    bigint       unique,
    leaf_hash     bytea        not null,
    event_type    varchar(64)  not null,
    subject_hash  bytea,
    entry         text         not null,
    logged_at     timestamp with time zone not null
);
create index transparency_entry_pending on transparency_entry (leaf_index, seq);
create index transparency_entry_leaf_hash on transparency_entry (leaf_hash);
create index transparency_entry_subject on transparency_entry (subject_hash);

-- Every perfect subtree of the tree (level 0 = leaf hashes): written once when its last leaf is sequenced, never
-- changed. Any inclusion or consistency proof is folded from at most 2 log2(n) of these rows, read in one query.
create table transparency_node (
    level     smallint  not null,
    idx       bigint    not null,
    hash      bytea     not null,
    primary key (level, idx)
);

-- The tree as last sequenced. Its single row is locked by the sequencer, so only one sequencer ever grows the tree.
create table transparency_state (
    id          smallint  primary key,
    tree_size   bigint    not null,
    root_hash   bytea
);
insert into transparency_state (id, tree_size) values (1, 0);

-- Every signed tree head, as the exact signed note that was published.
create table transparency_checkpoint (
    tree_size   bigint    primary key,
    root_hash   bytea     not null,
    note        text      not null,
    signed_at   timestamp with time zone not null
);

-- The platform's log key (Ed25519), sealed under the master key like issuer keys. The origin (the log's name in its
-- checkpoints) is fixed when the key is made.
create table transparency_log_key (
    id                  smallint     primary key,
    origin              varchar(200) not null,
    public_key          bytea        not null,
    sealed_private_key  bytea        not null,
    created_at          timestamp with time zone not null
);
