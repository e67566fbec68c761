-- storyline's DuckDB schema. One file, readable by any DuckDB client.
-- Columns that analysts filter on are plain columns; nested parts of a record
-- (actor lists, places, evidence) are JSON text next to them, and `record`
-- holds the whole record so storyline can rebuild it exactly.

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
    id            VARCHAR PRIMARY KEY,
    started       TIMESTAMP,
    finished      TIMESTAMP,
    inputs        VARCHAR,      -- JSON list of the paths given
    articles_new  INTEGER,
    articles_seen INTEGER,      -- already in the database, skipped
    failures      INTEGER,
    settings      VARCHAR,      -- JSON
    version       VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    id                 VARCHAR PRIMARY KEY,   -- hash of the cleaned text
    source             VARCHAR,
    format             VARCHAR,
    title              VARCHAR,
    publisher          VARCHAR,
    url                VARCHAR,
    published_value    VARCHAR,
    published_earliest DATE,
    published_latest   DATE,
    published_basis    VARCHAR,               -- metadata, header, url, inferred, unknown
    published_evidence VARCHAR,               -- JSON list of reasons (inferred dates)
    text               VARCHAR,
    record             VARCHAR
);

CREATE TABLE IF NOT EXISTS removed_spans (
    article_id VARCHAR,
    "start"    INTEGER,
    "end"      INTEGER,
    reason     VARCHAR,
    text       VARCHAR,
    PRIMARY KEY (article_id, "start")
);

CREATE TABLE IF NOT EXISTS timexes (
    article_id VARCHAR,
    "start"    INTEGER,
    "end"      INTEGER,
    text       VARCHAR,
    type       VARCHAR,
    value      VARCHAR,
    earliest   DATE,
    latest     DATE,
    PRIMARY KEY (article_id, "start")
);

CREATE TABLE IF NOT EXISTS mentions (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR,
    event_id       VARCHAR,      -- filled by linking
    type           VARCHAR,
    cameo          VARCHAR,
    modality       VARCHAR,
    trigger        VARCHAR,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    sentence       VARCHAR,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    date_value     VARCHAR,
    date_earliest  DATE,
    date_latest    DATE,
    sources        VARCHAR,      -- JSON list of actors
    targets        VARCHAR,      -- JSON list of actors
    summary        VARCHAR,
    confidence     DOUBLE,
    record         VARCHAR
);

CREATE TABLE IF NOT EXISTS statements (
    id         VARCHAR PRIMARY KEY,
    article_id VARCHAR,
    speaker    VARCHAR,          -- canonical name
    words      VARCHAR,
    "start"    INTEGER,
    "end"      INTEGER,
    date_value VARCHAR,
    about      VARCHAR,          -- mention id
    record     VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    id            VARCHAR PRIMARY KEY,
    type          VARCHAR,
    cameo         VARCHAR,
    modality      VARCHAR,
    date_value    VARCHAR,
    date_earliest DATE,
    date_latest   DATE,
    sources       VARCHAR,       -- JSON list of actors
    targets       VARCHAR,
    summary       VARCHAR,
    source_count  INTEGER,
    storyline_id  VARCHAR,
    record        VARCHAR,
    story_id      VARCHAR,       -- the story (group of articles) it was linked in
    story_root    VARCHAR,       -- smallest event of its story it shares an actor with
    episode       VARCHAR        -- JSON: anchors and what recurrence compares (link/incremental.py)
);

CREATE TABLE IF NOT EXISTS storylines (
    id       VARCHAR PRIMARY KEY,
    label    VARCHAR,
    events   VARCHAR,            -- JSON list of event ids
    episodes VARCHAR,            -- JSON list of lists of event ids
    record   VARCHAR
);

CREATE TABLE IF NOT EXISTS contradictions (
    id       VARCHAR PRIMARY KEY,
    first    VARCHAR,
    second   VARCHAR,
    why      VARCHAR,
    story_id VARCHAR
);

-- Linking runs per story (see storyline.link.stories): which story each
-- linked article is in, and the keys that tie articles into stories. An
-- article without a row here has not been linked yet.
CREATE TABLE IF NOT EXISTS article_stories (
    article_id VARCHAR PRIMARY KEY,
    story_id   VARCHAR
);

CREATE TABLE IF NOT EXISTS story_keys (
    key        VARCHAR,
    article_id VARCHAR,
    PRIMARY KEY (key, article_id)
);

-- Since issue 14 a story is a set of mentions (one happening or a tight
-- sequence of them): the story of each linked mention, and the stories that
-- hold each story key (stories are the components of shared keys, so a plain
-- key belongs to one story; a seeking key '~...' may be held by several).
-- article_stories then only marks an article linked (story_id NULL); a row
-- with a story_id is from before, and relinks once.
CREATE TABLE IF NOT EXISTS mention_stories (
    mention_id VARCHAR PRIMARY KEY,
    story_id   VARCHAR,
    article_id VARCHAR
);

CREATE TABLE IF NOT EXISTS story_key_owners (
    key      VARCHAR,
    story_id VARCHAR,
    PRIMARY KEY (key, story_id)
);

-- Files made before per-story linking gain the columns (and relink once).
ALTER TABLE events ADD COLUMN IF NOT EXISTS story_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS story_root VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS episode VARCHAR;
ALTER TABLE contradictions ADD COLUMN IF NOT EXISTS story_id VARCHAR;

CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR,
    stage  VARCHAR,
    reason VARCHAR,
    run_id VARCHAR,
    PRIMARY KEY (source, stage)
);
