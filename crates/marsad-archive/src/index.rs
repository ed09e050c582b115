//! The tantivy full-text index.

use crate::analyzer::{ArabicTokenizer, ANALYZER_NAME};
use crate::store::{IndexDoc, Store, StoredArticle};
use anyhow::Result;
use serde::Serialize;
use std::ops::Bound;
use std::path::Path;
use std::sync::Mutex;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED, STRING};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexWriter, ReloadPolicy, TantivyDocument, Term};

#[derive(Clone, Copy)]
struct Fields {
    article: Field,
    title: Field,
    body: Field,
    date: Field,
    actor: Field,
    etype: Field,
    speaker: Field,
    dup: Field,
}

pub struct SearchIndex {
    index: Index,
    fields: Fields,
    writer: Mutex<Option<IndexWriter>>,
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub actor: Option<String>,
    pub event_type: Option<String>,
    pub speaker: Option<String>,
    /// YYYY-MM-DD (inclusive).
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: usize,
    /// Include near-duplicates (left out by default).
    pub include_duplicates: bool,
}

/// A ranked search result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub score: f32,
    pub article: i64,
    pub id: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub dup_of: Option<i64>,
    /// The best fragment, with the matches as byte ranges into it.
    pub snippet: String,
    pub highlights: Vec<(usize, usize)>,
}

impl Hit {
    /// The snippet with matches wrapped in `open` … `close`.
    pub fn marked_snippet(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.snippet.len() + 16);
        let mut last = 0;
        for &(a, b) in &self.highlights {
            if a < last || b > self.snippet.len() || !self.snippet.is_char_boundary(a) || !self.snippet.is_char_boundary(b) {
                continue;
            }
            out.push_str(&self.snippet[last..a]);
            out.push_str(open);
            out.push_str(&self.snippet[a..b]);
            out.push_str(close);
            last = b;
        }
        out.push_str(&self.snippet[last..]);
        out.replace('\n', " ")
    }
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(ANALYZER_NAME).set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        article: b.add_u64_field("article", INDEXED | STORED | FAST),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text),
        date: b.add_i64_field("date", INDEXED | FAST),
        actor: b.add_text_field("actor", STRING),
        etype: b.add_text_field("type", STRING),
        speaker: b.add_text_field("speaker", STRING),
        dup: b.add_u64_field("dup", INDEXED),
    };
    (b.build(), fields)
}

fn date_key(d: &str) -> Option<i64> {
    let d: String = d.chars().filter(|c| c.is_ascii_digit()).take(8).collect();
    (d.len() == 8).then(|| d.parse().ok()).flatten()
}

impl SearchIndex {
    pub fn open(path: &Path) -> Result<Self> {
        std::fs::create_dir_all(path)?;
        let (schema, fields) = schema();
        let dir = tantivy::directory::MmapDirectory::open(path)?;
        let index = Index::open_or_create(dir, schema)?;
        // Must be registered on every open, or commits of a reopened index fail.
        index.tokenizers().register(ANALYZER_NAME, TextAnalyzer::builder(ArabicTokenizer::default()).build());
        Ok(SearchIndex { index, fields, writer: Mutex::new(None) })
    }

    fn with_writer<T>(&self, f: impl FnOnce(&mut IndexWriter) -> Result<T>) -> Result<T> {
        let mut guard = self.writer.lock().map_err(|_| anyhow::anyhow!("index writer lock poisoned"))?;
        if guard.is_none() {
            *guard = Some(self.index.writer_with_num_threads(1, 96_000_000)?);
        }
        f(guard.as_mut().expect("writer just created"))
    }

    pub fn add(&self, d: &IndexDoc) -> Result<()> {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.article, d.id as u64);
        doc.add_text(f.title, &d.title);
        doc.add_text(f.body, &d.body);
        if let Some(date) = d.date {
            doc.add_i64(f.date, date);
        }
        for a in &d.actors {
            doc.add_text(f.actor, a);
        }
        for t in &d.types {
            doc.add_text(f.etype, t);
        }
        for s in &d.speakers {
            doc.add_text(f.speaker, s);
        }
        doc.add_u64(f.dup, d.dup as u64);
        self.with_writer(|w| {
            w.add_document(doc)?;
            Ok(())
        })
    }

    pub fn delete(&self, id: i64) {
        let term = Term::from_field_u64(self.fields.article, id as u64);
        let _ = self.with_writer(|w| {
            w.delete_term(term);
            Ok(())
        });
    }

    pub fn delete_all(&self) -> Result<()> {
        self.with_writer(|w| {
            w.delete_all_documents()?;
            Ok(())
        })
    }

    pub fn commit(&self) -> Result<()> {
        self.with_writer(|w| {
            w.commit()?;
            Ok(())
        })
    }

    pub fn num_docs(&self) -> Result<u64> {
        let reader = self.index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let reader: tantivy::IndexReader = reader;
        Ok(reader.searcher().num_docs())
    }

    pub fn search(&self, q: &SearchQuery, store: &Store) -> Result<Vec<Hit>> {
        let f = self.fields;
        let reader: tantivy::IndexReader = self.index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let searcher = reader.searcher();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let text_query: Box<dyn Query> = {
            let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body]);
            parser.set_field_boost(f.title, 2.0);
            let (query, _errors) = parser.parse_query_lenient(&q.text);
            query
        };
        let has_text = !q.text.trim().is_empty();
        if has_text {
            clauses.push((Occur::Must, text_query.box_clone()));
        }
        let term = |field: Field, v: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, v), IndexRecordOption::Basic))
        };
        if let Some(a) = &q.actor {
            clauses.push((Occur::Must, term(f.actor, a)));
        }
        if let Some(t) = &q.event_type {
            clauses.push((Occur::Must, term(f.etype, &t.to_uppercase())));
        }
        if let Some(s) = &q.speaker {
            clauses.push((Occur::Must, term(f.speaker, s)));
        }
        if !q.include_duplicates {
            clauses.push((Occur::Must, Box::new(TermQuery::new(Term::from_field_u64(f.dup, 0), IndexRecordOption::Basic))));
        }
        let lo = q.from.as_deref().and_then(date_key);
        let hi = q.to.as_deref().and_then(date_key);
        if lo.is_some() || hi.is_some() {
            let lower = lo.map(|v| Bound::Included(Term::from_field_i64(f.date, v))).unwrap_or(Bound::Unbounded);
            let upper = hi.map(|v| Bound::Included(Term::from_field_i64(f.date, v))).unwrap_or(Bound::Unbounded);
            // An open range still needs the field: use the extreme values.
            let lower = match lower {
                Bound::Unbounded => Bound::Included(Term::from_field_i64(f.date, i64::MIN)),
                b => b,
            };
            let upper = match upper {
                Bound::Unbounded => Bound::Included(Term::from_field_i64(f.date, i64::MAX)),
                b => b,
            };
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::new(clauses);
        let limit = q.limit.max(1);
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let snippets = if has_text {
            SnippetGenerator::create(&searcher, &*text_query, f.body).ok().map(|mut g| {
                g.set_max_num_chars(220);
                g
            })
        } else {
            None
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let Some(article) = doc.get_first(f.article).and_then(|v| v.as_u64()) else { continue };
            let Some(StoredArticle { title, text, ext_id, date, dup_of, url }) = store.article(article as i64)? else { continue };
            let (snippet, highlights) = match &snippets {
                Some(g) => {
                    let s = g.snippet(&text);
                    let hl: Vec<(usize, usize)> = s.highlighted().iter().map(|r| (r.start, r.end)).collect();
                    if s.fragment().is_empty() {
                        (text.chars().take(200).collect(), Vec::new())
                    } else {
                        (s.fragment().to_string(), hl)
                    }
                }
                None => (text.chars().take(200).collect(), Vec::new()),
            };
            hits.push(Hit { score, article: article as i64, id: ext_id, date, title, url, dup_of, snippet, highlights });
        }
        Ok(hits)
    }
}
