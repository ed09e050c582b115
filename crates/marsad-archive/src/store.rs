//! The SQLite store.

use crate::{Analyzed, StoreReport};
use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use marsad_doc::Analysis;

const SCHEMA_SQL: &str = "
CREATE TABLE IF NOT EXISTS articles(
  id INTEGER PRIMARY KEY,
  ext_id TEXT,
  hash TEXT NOT NULL UNIQUE,
  origin TEXT,
  url TEXT,
  title TEXT,
  source TEXT,
  date TEXT,
  text TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  minhash BLOB,
  dup_of INTEGER REFERENCES articles(id),
  indexed INTEGER NOT NULL DEFAULT 0,
  ingested_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE INDEX IF NOT EXISTS articles_unindexed ON articles(indexed) WHERE indexed = 0;
CREATE TABLE IF NOT EXISTS analyses(article_id INTEGER PRIMARY KEY REFERENCES articles(id), json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors(id TEXT PRIMARY KEY, name TEXT, type TEXT, name_en TEXT, country TEXT, sector TEXT);
CREATE TABLE IF NOT EXISTS mentions(article_id INTEGER NOT NULL REFERENCES articles(id), actor_id TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY(article_id, actor_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_id);
CREATE TABLE IF NOT EXISTS entities(article_id INTEGER NOT NULL REFERENCES articles(id), start INTEGER, \"end\" INTEGER, text TEXT, type TEXT, actor TEXT);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id);
CREATE TABLE IF NOT EXISTS quotes(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), kind TEXT, cue TEXT, speaker TEXT, speaker_actor TEXT, content TEXT, date TEXT, denial INTEGER);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_actor);
CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), type TEXT, mode TEXT, trigger TEXT,
  source TEXT, source_actor TEXT, target TEXT, target_actor TEXT, date TEXT, location TEXT, location_actor TEXT,
  negated INTEGER, hypothetical INTEGER, killed REAL, injured REAL, arrested REAL, displaced REAL);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS dup_bands(band INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY(band, article_id)) WITHOUT ROWID;
";

/// One stored article, as [`Store::article`] reads it.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    pub title: Option<String>,
    pub text: String,
    pub ext_id: Option<String>,
    pub date: Option<String>,
    /// The article this one duplicates, if any.
    pub dup_of: Option<i64>,
    pub url: Option<String>,
}

pub struct Store {
    pub conn: Connection,
}

/// What the index needs to know about an article.
pub struct IndexDoc {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub date: Option<i64>,
    pub actors: Vec<String>,
    pub types: Vec<String>,
    pub speakers: Vec<String>,
    pub dup: bool,
}

/// A quotation row of the archive.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    pub article: i64,
    pub article_id: Option<String>,
    pub date: Option<String>,
    pub kind: String,
    pub cue: String,
    pub speaker: Option<String>,
    pub speaker_actor: Option<String>,
    pub content: String,
}

/// An actor with its mention counts.
#[derive(Debug, Clone, Serialize)]
pub struct ActorCount {
    pub id: String,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub actor_type: Option<String>,
    pub mentions: i64,
    pub articles: i64,
}

/// What the archive holds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub articles: i64,
    pub near_duplicates: i64,
    pub bytes: i64,
    pub quotes: i64,
    pub events: i64,
    pub events_by_type: BTreeMap<String, i64>,
    pub actors: i64,
    pub entity_mentions: i64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub unindexed: i64,
    pub indexed_documents: u64,
}

fn now_secs() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

fn date_key(d: &str) -> Option<i64> {
    let d: String = d.chars().filter(|c| c.is_ascii_digit()).take(8).collect();
    (d.len() == 8).then(|| d.parse().ok()).flatten()
}

impl Store {
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.execute_batch(SCHEMA_SQL)?;
        Ok(Store { conn })
    }

    pub fn contains(&self, hash: &str) -> Result<bool> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?;
        Ok(st.exists([hash])?)
    }

    /// Insert a batch in one transaction. Returns the report and the new row ids.
    pub fn insert_batch(&mut self, batch: &[Analyzed]) -> Result<(StoreReport, Vec<i64>)> {
        let tx = self.conn.transaction()?;
        let mut report = StoreReport::default();
        let mut ids = Vec::new();
        {
            let mut exists = tx.prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?;
            let mut ins_article = tx.prepare_cached(
                "INSERT INTO articles(ext_id, hash, origin, url, title, source, date, text, bytes, minhash, dup_of, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            let mut candidates = tx.prepare_cached(
                "SELECT a.id, a.minhash FROM dup_bands b JOIN articles a ON a.id = b.article_id WHERE b.band = ?1 ORDER BY a.id",
            )?;
            let mut ins_band = tx.prepare_cached("INSERT OR IGNORE INTO dup_bands(band, article_id) VALUES (?1, ?2)")?;
            let mut ins_analysis = tx.prepare_cached("INSERT INTO analyses(article_id, json) VALUES (?1, ?2)")?;
            let mut ins_actor = tx.prepare_cached(
                "INSERT INTO actors(id, name, type, name_en, country, sector) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(id) DO NOTHING",
            )?;
            let mut ins_mention = tx.prepare_cached("INSERT INTO mentions(article_id, actor_id, count) VALUES (?1, ?2, ?3)")?;
            let mut ins_entity = tx.prepare_cached("INSERT INTO entities(article_id, start, \"end\", text, type, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
            let mut ins_quote = tx.prepare_cached(
                "INSERT INTO quotes(article_id, kind, cue, speaker, speaker_actor, content, date, denial) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut ins_event = tx.prepare_cached(
                "INSERT INTO events(article_id, type, mode, trigger, source, source_actor, target, target_actor, date, location, location_actor,
                 negated, hypothetical, killed, injured, arrested, displaced) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )?;
            let now = now_secs();
            for a in batch {
                if exists.exists([&a.hash])? {
                    report.already_present += 1;
                    continue;
                }
                // Near-duplicate: the earliest stored first copy similar enough.
                let mut dup_of: Option<i64> = None;
                let bands = a.minhash.as_deref().map(crate::simhash::bands).unwrap_or_default();
                if let Some(sig) = &a.minhash {
                    for &band in &bands {
                        let mut rows = candidates.query([band])?;
                        while let Some(row) = rows.next()? {
                            let (id, other): (i64, Option<Vec<u8>>) = (row.get(0)?, row.get(1)?);
                            if dup_of.is_some_and(|d| d <= id) {
                                break;
                            }
                            if let Some(other) = other {
                                if crate::simhash::similarity(sig, &crate::simhash::from_bytes(&other)) >= crate::simhash::MIN_SIMILARITY {
                                    dup_of = Some(id);
                                    break;
                                }
                            }
                        }
                    }
                }
                let it = &a.item;
                let date = it.valid_date();
                ins_article.execute(params![
                    it.id,
                    a.hash,
                    it.origin,
                    it.url,
                    it.title,
                    it.source,
                    date,
                    it.text,
                    it.text.len() as i64,
                    a.minhash.as_deref().map(crate::simhash::to_bytes),
                    dup_of,
                    now
                ])?;
                let id = tx.last_insert_rowid();
                // Only first copies are candidates: duplicates link to the original.
                if dup_of.is_none() {
                    for band in &bands {
                        ins_band.execute(params![band, id])?;
                    }
                }
                if dup_of.is_some() {
                    report.near_duplicates += 1;
                }
                let an = &a.analysis;
                ins_analysis.execute(params![id, serde_json::to_string(an)?])?;
                for actor in &an.actors {
                    ins_actor.execute(params![actor.id, actor.name, actor.actor_type, actor.name_en, actor.country, actor.sector])?;
                }
                let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
                for e in &an.entities {
                    ins_entity.execute(params![id, e.start as i64, e.end as i64, e.text, e.entity_type.as_str(), e.actor])?;
                    if let Some(actor) = e.actor.as_deref().filter(|x| !x.starts_with("local:")) {
                        *counts.entry(actor).or_default() += 1;
                    }
                }
                for (actor, n) in counts {
                    ins_actor.execute(params![actor, None::<String>, None::<String>, None::<String>, None::<String>, None::<String>])?;
                    ins_mention.execute(params![id, actor, n])?;
                }
                for q in &an.quotes {
                    let kind = serde_json::to_value(q.kind)?.as_str().unwrap_or("").to_string();
                    let (sp, spa) = match &q.speaker {
                        Some(s) => (Some(s.text.as_str()), s.actor.as_deref()),
                        None => (None, None),
                    };
                    ins_quote.execute(params![id, kind, q.cue.text, sp, spa, q.content.text, q.date, q.denial as i64])?;
                }
                for e in &an.events {
                    let part = |x: &Option<marsad_doc::ActorSpan>| match x {
                        Some(s) => (Some(s.text.clone()), s.actor.clone()),
                        None => (None, None),
                    };
                    let (s, sa) = part(&e.source);
                    let (t, ta) = part(&e.target);
                    let (l, la) = part(&e.location);
                    ins_event.execute(params![
                        id,
                        e.event_type,
                        e.mode,
                        e.trigger.text,
                        s,
                        sa,
                        t,
                        ta,
                        e.date,
                        l,
                        la,
                        e.negated as i64,
                        e.hypothetical as i64,
                        e.counts.killed.map(|c| c.value),
                        e.counts.injured.map(|c| c.value),
                        e.counts.arrested.map(|c| c.value),
                        e.counts.displaced.map(|c| c.value)
                    ])?;
                }
                report.added += 1;
                ids.push(id);
            }
        }
        tx.commit()?;
        Ok((report, ids))
    }

    pub fn index_doc(&self, id: i64) -> Result<crate::store::IndexDoc> {
        let (title, body, date, dup): (Option<String>, String, Option<String>, Option<i64>) = self
            .conn
            .prepare_cached("SELECT title, text, date, dup_of FROM articles WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        let list = |sql: &str| -> Result<Vec<String>> {
            let mut st = self.conn.prepare_cached(sql)?;
            let rows = st.query_map([id], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
        };
        Ok(IndexDoc {
            id,
            title: title.unwrap_or_default(),
            body,
            date: date.as_deref().and_then(date_key),
            actors: list(
                "SELECT actor_id FROM mentions WHERE article_id = ?1
                 UNION SELECT speaker_actor FROM quotes WHERE article_id = ?1 AND speaker_actor IS NOT NULL
                 UNION SELECT source_actor FROM events WHERE article_id = ?1 AND source_actor IS NOT NULL
                 UNION SELECT target_actor FROM events WHERE article_id = ?1 AND target_actor IS NOT NULL",
            )?,
            types: list("SELECT DISTINCT type FROM events WHERE article_id = ?1 AND type IS NOT NULL")?,
            speakers: list("SELECT DISTINCT speaker_actor FROM quotes WHERE article_id = ?1 AND speaker_actor IS NOT NULL")?,
            dup: dup.is_some(),
        })
    }

    pub fn mark_indexed(&mut self, ids: &[i64]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut st = tx.prepare_cached("UPDATE articles SET indexed = 1 WHERE id = ?1")?;
            for id in ids {
                st.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn mark_all_unindexed(&self) -> Result<()> {
        self.conn.execute("UPDATE articles SET indexed = 0", [])?;
        Ok(())
    }

    pub fn unindexed(&self, limit: usize) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached("SELECT id FROM articles WHERE indexed = 0 ORDER BY id LIMIT ?1")?;
        let rows = st.query_map([limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<Vec<i64>, _>>()?)
    }

    /// Title, text, external id, date, duplicate link and address of an article.
    pub fn article(&self, id: i64) -> Result<Option<StoredArticle>> {
        Ok(self
            .conn
            .prepare_cached("SELECT title, text, ext_id, date, dup_of, url FROM articles WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(StoredArticle { title: r.get(0)?, text: r.get(1)?, ext_id: r.get(2)?, date: r.get(3)?, dup_of: r.get(4)?, url: r.get(5)? })
            })
            .optional()?)
    }

    pub fn analysis(&self, id: i64) -> Result<Option<String>> {
        Ok(self.conn.prepare_cached("SELECT json FROM analyses WHERE article_id = ?1")?.query_row([id], |r| r.get(0)).optional()?)
    }

    pub fn quotes(&self, speaker: Option<&str>, from: Option<&str>, to: Option<&str>, limit: usize) -> Result<Vec<QuoteRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT q.article_id, a.ext_id, a.date, q.kind, q.cue, q.speaker, q.speaker_actor, q.content
             FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE a.dup_of IS NULL AND (?1 IS NULL OR q.speaker_actor = ?1)
               AND (?2 IS NULL OR a.date >= ?2) AND (?3 IS NULL OR a.date <= ?3)
             ORDER BY a.date, q.id LIMIT ?4",
        )?;
        let rows = st.query_map(params![speaker, from, to, limit as i64], |r| {
            Ok(QuoteRow {
                article: r.get(0)?,
                article_id: r.get(1)?,
                date: r.get(2)?,
                kind: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                cue: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                speaker: r.get(5)?,
                speaker_actor: r.get(6)?,
                content: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
    }

    /// Every stored event of first copies whose date (the event's, else the
    /// article's) is in the period, in article-date order:
    /// `f` gets the stored analysis and the event's index in it (so exports
    /// are the same rows as `marsad analyze --format events-csv|plover`). An
    /// article without an id of its own is named `article-N` (its archive number).
    pub fn events(&self, from: Option<&str>, to: Option<&str>, event_type: Option<&str>, f: &mut dyn FnMut(&Analysis, usize) -> Result<()>) -> Result<()> {
        // The k-th event row of an article is the k-th event of its analysis (rows are inserted in order).
        let mut st = self.conn.prepare_cached(
            "WITH ranked AS (SELECT id, article_id, type, date, ROW_NUMBER() OVER (PARTITION BY article_id ORDER BY id) - 1 AS k FROM events)
             SELECT r.article_id, r.k, a.ext_id, a.url
             FROM ranked r JOIN articles a ON a.id = r.article_id
             WHERE a.dup_of IS NULL AND (?3 IS NULL OR r.type = ?3)
               AND (?1 IS NULL OR COALESCE(r.date, a.date) >= ?1) AND (?2 IS NULL OR substr(COALESCE(r.date, a.date), 1, length(?2)) <= ?2)
             ORDER BY a.date, r.id",
        )?;
        let mut rows = st.query(params![from, to, event_type])?;
        let mut current: Option<(i64, Analysis)> = None;
        while let Some(r) = rows.next()? {
            let (article, k): (i64, i64) = (r.get(0)?, r.get(1)?);
            if current.as_ref().map(|c| c.0) != Some(article) {
                let Some(json) = self.analysis(article)? else { continue };
                let mut analysis: Analysis = serde_json::from_str(&json)?;
                let (ext_id, url): (Option<String>, Option<String>) = (r.get(2)?, r.get(3)?);
                analysis.id = analysis.id.or(ext_id).or_else(|| Some(format!("article-{article}")));
                analysis.meta.url = analysis.meta.url.or(url);
                current = Some((article, analysis));
            }
            if let Some((_, analysis)) = &current {
                if (k as usize) < analysis.events.len() {
                    f(analysis, k as usize)?;
                }
            }
        }
        Ok(())
    }

    pub fn actors(&self, from: Option<&str>, to: Option<&str>, limit: usize) -> Result<Vec<ActorCount>> {
        let mut st = self.conn.prepare_cached(
            "SELECT m.actor_id, ac.name, ac.type, SUM(m.count) AS n, COUNT(*) AS docs
             FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN actors ac ON ac.id = m.actor_id
             WHERE a.dup_of IS NULL AND (?1 IS NULL OR a.date >= ?1) AND (?2 IS NULL OR a.date <= ?2)
             GROUP BY m.actor_id ORDER BY n DESC, docs DESC, m.actor_id LIMIT ?3",
        )?;
        let rows = st.query_map(params![from, to, limit as i64], |r| {
            Ok(ActorCount { id: r.get(0)?, name: r.get(1)?, actor_type: r.get(2)?, mentions: r.get(3)?, articles: r.get(4)? })
        })?;
        Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
    }

    pub fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, Option<i64>>(0))?.unwrap_or(0)) };
        let mut s = Stats {
            articles: one("SELECT COUNT(*) FROM articles")?,
            near_duplicates: one("SELECT COUNT(*) FROM articles WHERE dup_of IS NOT NULL")?,
            bytes: one("SELECT SUM(bytes) FROM articles")?,
            quotes: one("SELECT COUNT(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.dup_of IS NULL")?,
            events: one("SELECT COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE a.dup_of IS NULL")?,
            actors: one("SELECT COUNT(DISTINCT actor_id) FROM mentions")?,
            entity_mentions: one("SELECT COUNT(*) FROM entities")?,
            unindexed: one("SELECT COUNT(*) FROM articles WHERE indexed = 0")?,
            ..Stats::default()
        };
        let (first, last): (Option<String>, Option<String>) = self.conn.query_row("SELECT MIN(date), MAX(date) FROM articles", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
        s.first_date = first;
        s.last_date = last;
        let mut st = self.conn.prepare(
            "SELECT e.type, COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE a.dup_of IS NULL GROUP BY e.type ORDER BY e.type",
        )?;
        let rows = st.query_map([], |r| Ok((r.get::<_, Option<String>>(0)?.unwrap_or_default(), r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (t, n) = row?;
            s.events_by_type.insert(t, n);
        }
        Ok(s)
    }
}
