#include "store/schema.h"

#include "store/database.h"
#include "store/library.h"

#include <iterator>

namespace quire {

namespace {

// Timestamps default to the same UTC text Quire writes itself, for rows added by other tools.
#define QUIRE_NOW "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

// The names of a post's tags, for its full-text row. Tag order does not matter to search.
#define QUIRE_TAG_TEXT(POST_ID) \
    "coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id" \
    " WHERE pt.post_id = " POST_ID "), '')"

const char *const migration1 = R"sql(
CREATE TABLE assets (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    mime_type   TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    size        INTEGER NOT NULL CHECK (size >= 0),
    width       INTEGER,
    height      INTEGER,
    alt         TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT )sql" QUIRE_NOW R"sql(,
    data        BLOB NOT NULL
);

CREATE TABLE posts (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL DEFAULT '',
    slug            TEXT NOT NULL UNIQUE CHECK (slug <> ''),
    body            TEXT NOT NULL DEFAULT '',
    summary         TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published')),
    kind            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL DEFAULT )sql" QUIRE_NOW R"sql(,
    updated_at      TEXT NOT NULL DEFAULT )sql" QUIRE_NOW R"sql(,
    published_at    TEXT,
    cover_asset_id  INTEGER REFERENCES assets(id) ON DELETE SET NULL,
    language        TEXT NOT NULL DEFAULT '',
    extra           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra))
);
CREATE INDEX posts_updated_at ON posts(updated_at);
CREATE INDEX posts_published_at ON posts(published_at);
CREATE INDEX posts_cover_asset_id ON posts(cover_asset_id);

CREATE TABLE tags (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    slug  TEXT NOT NULL UNIQUE CHECK (slug <> '')
);

CREATE TABLE post_tags (
    post_id   INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (post_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX post_tags_tag_id ON post_tags(tag_id);

CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL DEFAULT )sql" QUIRE_NOW R"sql(,
    reason      TEXT NOT NULL CHECK (reason IN ('save', 'autosave', 'publish', 'import', 'restore')),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    metadata    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata))
);
CREATE INDEX revisions_post_id_created_at ON revisions(post_id, created_at);

-- A revision is a record of the past: it may be pruned, never edited.
CREATE TRIGGER revisions_are_never_rewritten BEFORE UPDATE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are never rewritten');
END;

CREATE TABLE themes (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    version     TEXT NOT NULL DEFAULT '',
    manifest    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(manifest)),
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    updated_at  TEXT NOT NULL DEFAULT )sql" QUIRE_NOW R"sql(
);

CREATE TABLE theme_files (
    theme_id  INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    path      TEXT NOT NULL,
    data      BLOB NOT NULL,
    PRIMARY KEY (theme_id, path)
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE publish_targets (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('folder', 'git', 'rsync')),
    config      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
    created_at  TEXT NOT NULL DEFAULT )sql" QUIRE_NOW R"sql(
);

-- Full-text search. The index keeps its own copy of the text (rowid = posts.id) because the tags
-- column has no single source row; the triggers below keep it in step with posts and tags.
CREATE VIRTUAL TABLE posts_fts USING fts5(
    title, summary, body, tags,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER posts_fts_after_insert AFTER INSERT ON posts
BEGIN
    INSERT INTO posts_fts(rowid, title, summary, body, tags)
    VALUES (new.id, new.title, new.summary, new.body, )sql" QUIRE_TAG_TEXT("new.id") R"sql();
END;

CREATE TRIGGER posts_fts_after_update AFTER UPDATE OF id, title, summary, body ON posts
WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.summary IS NOT new.summary
     OR old.body IS NOT new.body
BEGIN
    DELETE FROM posts_fts WHERE rowid = old.id;
    INSERT INTO posts_fts(rowid, title, summary, body, tags)
    VALUES (new.id, new.title, new.summary, new.body, )sql" QUIRE_TAG_TEXT("new.id") R"sql();
END;

CREATE TRIGGER posts_fts_after_delete AFTER DELETE ON posts
BEGIN
    DELETE FROM posts_fts WHERE rowid = old.id;
END;

CREATE TRIGGER post_tags_fts_after_insert AFTER INSERT ON post_tags
BEGIN
    UPDATE posts_fts SET tags = )sql" QUIRE_TAG_TEXT("new.post_id") R"sql( WHERE rowid = new.post_id;
END;

CREATE TRIGGER post_tags_fts_after_update AFTER UPDATE OF post_id, tag_id ON post_tags
BEGIN
    UPDATE posts_fts SET tags = )sql" QUIRE_TAG_TEXT("old.post_id") R"sql( WHERE rowid = old.post_id;
    UPDATE posts_fts SET tags = )sql" QUIRE_TAG_TEXT("new.post_id") R"sql( WHERE rowid = new.post_id;
END;

CREATE TRIGGER post_tags_fts_after_delete AFTER DELETE ON post_tags
BEGIN
    UPDATE posts_fts SET tags = )sql" QUIRE_TAG_TEXT("old.post_id") R"sql( WHERE rowid = old.post_id;
END;

CREATE TRIGGER tags_fts_after_rename AFTER UPDATE OF name ON tags
WHEN old.name IS NOT new.name
BEGIN
    UPDATE posts_fts SET tags = )sql" QUIRE_TAG_TEXT("posts_fts.rowid") R"sql(
    WHERE rowid IN (SELECT post_id FROM post_tags WHERE tag_id = new.id);
END;
)sql";

// Rendered math and code blocks, so that a build renders each formula or block once across
// builds (core/render/render_cache.h). key is the hex SHA-256 of everything that decides the
// output, engine version included; used_at is the last build that stored or used the row, so
// that old entries can be pruned. A cache: any row may be deleted at any time.
const char *const migration2 = R"sql(
CREATE TABLE render_cache (
    key          TEXT PRIMARY KEY,
    html         TEXT NOT NULL,
    error        TEXT NOT NULL DEFAULT '',
    highlighted  INTEGER NOT NULL DEFAULT 0 CHECK (highlighted IN (0, 1)),
    used_at      TEXT NOT NULL DEFAULT )sql" QUIRE_NOW R"sql(
) WITHOUT ROWID;
CREATE INDEX render_cache_used_at ON render_cache(used_at);
)sql";

// What a site build needs to know whether a post changed, without reading its body. change_seq
// grows with every insert and update (PostRepository sets it; 0 for posts not changed since
// this migration), so a build compares one number per post. posts_site covers every column a site build lists, so that listing the posts reads
// that index only: the bodies (megabytes, on overflow pages) stay on disk.
const char *const migration3 = R"sql(
ALTER TABLE posts ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX posts_change_seq ON posts(change_seq);
CREATE INDEX posts_site ON posts(id, uuid, title, slug, summary, status, kind, created_at, updated_at,
                                 published_at, language, change_seq);
)sql";

#undef QUIRE_TAG_TEXT
#undef QUIRE_NOW

// Index i holds the script that brings a library to format i + 1.
const char *const migrations[] = {
    migration1,
    migration2,
    migration3,
};
static_assert(std::size(migrations) == Library::SchemaVersion, "Library::SchemaVersion names the newest migration");

} // namespace

int Schema::latestVersion()
{
    return int(std::size(migrations));
}

Result<void> Schema::migrate(Database &database)
{
    return database.transaction([&database]() -> Result<void> {
        // Read inside the transaction: the version cannot change under us from here on.
        const Result<qint64> current = database.queryInt("PRAGMA user_version");
        if (!current)
            return current.error();
        for (int version = int(*current) + 1; version <= latestVersion(); ++version) {
            if (Result<void> applied = database.exec(migrations[version - 1]); !applied)
                return applied;
        }
        if (*current >= latestVersion())
            return {};
        return database.exec("PRAGMA application_id = " + QByteArray::number(ApplicationId)
                             + "; PRAGMA user_version = " + QByteArray::number(latestVersion()));
    });
}

} // namespace quire
