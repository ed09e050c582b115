//! The marsad archive: articles and their analyses (schema marsad/1) kept in
//! one SQLite file, with a tantivy full-text index beside it.
//!
//! SQLite is the source of truth. Every article row records whether it is in
//! the index (`indexed`); opening the archive indexes whatever is stored but
//! not yet indexed, so a crash between the two commits loses nothing and
//! `reindex` can always rebuild the index from the store.
//!
//! Tables (query them with `sqlite3 marsad.db`):
//! - `articles(id, ext_id, hash, origin, url, title, source, date, text, bytes, minhash, dup_of, indexed, ingested_at)`
//! - `analyses(article_id, json)`: the full marsad/1 analysis
//! - `actors(id, name, type, name_en, country, sector)`
//! - `mentions(article_id, actor_id, count)`: entity mentions of canonical actors
//! - `entities(article_id, start, end, text, type, actor)`
//! - `quotes(id, article_id, kind, cue, speaker, speaker_actor, content, date, denial)`
//! - `events(id, article_id, type, mode, trigger, source, source_actor, target, target_actor, date, location, location_actor, negated, hypothetical, killed, injured, arrested, displaced)`
//! - `dup_bands(band, article_id)`: MinHash LSH bands of first copies, the near-duplicate lookup
//!
//! Near-duplicates (`dup_of` not null) are stored and analysed but left out
//! of the quote, event and actor exports and of search results by default.

pub mod analyzer;
pub mod simhash;
mod index;
mod store;

pub use index::{Hit, SearchQuery};
pub use store::{ActorCount, QuoteRow, Stats};

use anyhow::{Context, Result};
use marsad_doc::{Analysis, Doc, OutputOptions};
use std::path::{Path, PathBuf};

/// One article to archive, as read from an input.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// Where it came from, for messages ("file.jsonl:12").
    pub origin: String,
    pub id: Option<String>,
    pub text: String,
    /// YYYY-MM-DD (a longer ISO timestamp is cut to the date).
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

impl Item {
    /// The idempotence key: the same id with the same text is the same article.
    pub fn hash(&self) -> String {
        simhash::content_hash(&[self.id.as_deref().unwrap_or(""), &self.text])
    }

    /// The article date if it is a valid YYYY-MM-DD.
    pub fn valid_date(&self) -> Option<String> {
        let d: String = self.date.as_deref()?.trim().chars().take(10).collect();
        marsad::valid_date(&d).then_some(d)
    }
}

/// An analysed article, ready to store.
#[derive(Debug, Clone)]
pub struct Analyzed {
    pub item: Item,
    pub hash: String,
    pub minhash: Option<Vec<u32>>,
    pub analysis: Analysis,
}

/// Analyse one item (pure; call it from many threads).
pub fn analyze(pipeline: &marsad::Pipeline, item: Item) -> Analyzed {
    let hash = item.hash();
    let minhash = simhash::minhash(&item.text);
    let date = item.valid_date().unwrap_or_else(marsad::today);
    let mut doc = Doc::new(item.text.clone(), date);
    doc.id = item.id.clone();
    doc.meta = marsad_doc::Meta { title: item.title.clone(), url: item.url.clone(), source: item.source.clone() };
    pipeline.run(&mut doc);
    let analysis = doc.into_analysis(OutputOptions::default());
    Analyzed { item, hash, minhash, analysis }
}

/// What a `store` call did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreReport {
    pub added: usize,
    pub already_present: usize,
    pub near_duplicates: usize,
}

/// The archive: a SQLite store and its search index.
pub struct Archive {
    store: store::Store,
    index: index::SearchIndex,
    unindexed: Vec<i64>,
}

/// Where the index of a database lives: `<db>.index/`.
pub fn index_path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".index");
    PathBuf::from(s)
}

impl Archive {
    /// Open (or create) the archive at `db`, and bring the index up to date
    /// with the store.
    pub fn open(db: &Path) -> Result<Self> {
        let store = store::Store::open(db).with_context(|| format!("cannot open the database {}", db.display()))?;
        let index = index::SearchIndex::open(&index_path(db)).context("cannot open the search index")?;
        let mut a = Archive { store, index, unindexed: Vec::new() };
        a.catch_up_index()?;
        Ok(a)
    }

    /// Open for reading only (search, exports): no index catch-up.
    pub fn open_read(db: &Path) -> Result<Self> {
        if !db.exists() {
            anyhow::bail!("no archive at {} (run `marsad ingest` first, or give --db)", db.display());
        }
        let store = store::Store::open(db).with_context(|| format!("cannot open the database {}", db.display()))?;
        let index = index::SearchIndex::open(&index_path(db)).context("cannot open the search index")?;
        Ok(Archive { store, index, unindexed: Vec::new() })
    }

    /// Whether an article with this content hash is already stored.
    pub fn contains(&self, hash: &str) -> Result<bool> {
        self.store.contains(hash)
    }

    /// Store a batch in one transaction (idempotent), link near-duplicates,
    /// and queue the new articles for the index. Call [`Archive::commit_index`]
    /// now and then (and at the end).
    pub fn store(&mut self, batch: &[Analyzed]) -> Result<StoreReport> {
        let (report, ids) = self.store.insert_batch(batch)?;
        for &id in &ids {
            let doc = self.store.index_doc(id)?;
            self.index.add(&doc)?;
        }
        self.unindexed.extend(ids);
        Ok(report)
    }

    /// Commit the index and record the committed articles as indexed.
    pub fn commit_index(&mut self) -> Result<()> {
        self.index.commit()?;
        let ids = std::mem::take(&mut self.unindexed);
        self.store.mark_indexed(&ids)?;
        Ok(())
    }

    /// Articles waiting for an index commit.
    pub fn pending_index(&self) -> usize {
        self.unindexed.len()
    }

    /// Index every stored article not recorded as indexed (after a crash).
    pub fn catch_up_index(&mut self) -> Result<usize> {
        let mut total = 0;
        loop {
            let ids = self.store.unindexed(2000)?;
            if ids.is_empty() {
                break;
            }
            for &id in &ids {
                self.index.delete(id);
                let doc = self.store.index_doc(id)?;
                self.index.add(&doc)?;
            }
            total += ids.len();
            self.unindexed.extend(ids);
            self.commit_index()?;
        }
        Ok(total)
    }

    /// Rebuild the whole index from the store.
    pub fn reindex(&mut self) -> Result<usize> {
        self.index.delete_all()?;
        self.index.commit()?;
        self.store.mark_all_unindexed()?;
        self.catch_up_index()
    }

    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>> {
        self.index.search(q, &self.store)
    }

    pub fn quotes(&self, speaker: Option<&str>, from: Option<&str>, to: Option<&str>, limit: usize) -> Result<Vec<QuoteRow>> {
        self.store.quotes(speaker, from, to, limit)
    }

    pub fn events(&self, from: Option<&str>, to: Option<&str>, event_type: Option<&str>, f: &mut dyn FnMut(&marsad_doc::Analysis, usize) -> Result<()>) -> Result<()> {
        self.store.events(from, to, event_type, f)
    }

    pub fn actors(&self, from: Option<&str>, to: Option<&str>, limit: usize) -> Result<Vec<ActorCount>> {
        self.store.actors(from, to, limit)
    }

    pub fn stats(&self) -> Result<Stats> {
        let mut s = self.store.stats()?;
        s.indexed_documents = self.index.num_docs()?;
        Ok(s)
    }

    /// The stored analysis of an article (by row id).
    pub fn analysis(&self, article: i64) -> Result<Option<String>> {
        self.store.analysis(article)
    }

    /// The underlying SQLite connection (for tools and tests).
    pub fn connection(&self) -> &rusqlite::Connection {
        &self.store.conn
    }
}
