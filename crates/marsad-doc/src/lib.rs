//! # marsad-doc
//!
//! The document model that every annotator fills in, and its JSON contract
//! (schema `"marsad/1"`). Like a spaCy `Doc`, a [`Doc`] holds the exact input
//! text, the text layer (tokens, sentences) and one field per annotation
//! layer: entities, times, quotes, events. Annotators implement
//! [`Annotator`] and each adds one layer; data flows one way.
//!
//! **Offsets are code points** into the exact input text, end exclusive,
//! so `text == input[start:end]` in Python. [`Doc::span`] and
//! [`Doc::token_span`] build every [`Span`] and both slice the original
//! text, so a span's `text` can never disagree with its offsets.

use marsad_text::{split_sentences, tokenize, OffsetMap, Tokens};
use std::sync::OnceLock;
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "marsad/1";

/// A piece of the input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A span that names an actor, as used for quote speakers and event
/// participants. `actor` is a canonical id from the knowledge base, a
/// document-local id (`local:…`) or null.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub actor: Option<String>,
    /// ISO 3166 alpha-3 or CAMEO-style IGO/INT code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// CAMEO/PLOVER sector: GOV, MIL, REB, OPP, PTY, MED, IGO, NGO, BUS, CVL, UAF…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
}

impl ActorSpan {
    pub fn from_span(span: Span, actor: Option<String>) -> Self {
        ActorSpan { start: span.start, end: span.end, text: span.text, actor, country: None, sector: None }
    }
}

/// Entity types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityType {
    PER,
    ORG,
    GPE,
    LOC,
    FAC,
    MISC,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::ORG => "ORG",
            EntityType::GPE => "GPE",
            EntityType::LOC => "LOC",
            EntityType::FAC => "FAC",
            EntityType::MISC => "MISC",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PER" => EntityType::PER,
            "ORG" => EntityType::ORG,
            "GPE" => EntityType::GPE,
            "LOC" => EntityType::LOC,
            "FAC" => EntityType::FAC,
            "MISC" => EntityType::MISC,
            _ => return None,
        })
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Canonical actor id, document-local id (`local:…`), or null.
    pub actor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// How it was found: "gazetteer", "model", "rule", "alias".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Time {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// TIMEX3-style value: 2024-01-27, 2024-01, 2024, 2024-W04, 2023-FA, P6M, PXY, PRESENT_REF.
    pub value: String,
    /// "date", "duration", "time", "set".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// direct | indirect | mixed
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

/// A speaker: the actor span, plus flags for anonymous sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub actor: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
    /// The affiliation of an anonymous source ("أميركي", "أمني"), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

/// An attributed statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The reporting verb or noun (قال، أكد، بحسب…).
    pub cue: Span,
    pub speaker: Option<Speaker>,
    pub content: Span,
    /// When the statement was made (TIMEX3 value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub denial: bool,
    /// The outlet that relayed it ("نقلت الصحيفة عن مسؤول").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<ActorSpan>,
}

/// A count attached to an event (killed, injured…).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub value: f64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrested: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub displaced: Option<Count>,
}

impl Counts {
    pub fn is_empty(&self) -> bool {
        self.killed.is_none() && self.injured.is_none() && self.arrested.is_none() && self.displaced.is_none()
    }
}

/// A PLOVER event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// One of the 16 PLOVER types (AGREE … ASSAULT).
    #[serde(rename = "type")]
    pub event_type: String,
    /// PLOVER mode (aerial, arrest, demonstrate…), when one applies.
    pub mode: Option<String>,
    pub trigger: Span,
    pub source: Option<ActorSpan>,
    pub target: Option<ActorSpan>,
    pub date: Option<String>,
    pub location: Option<ActorSpan>,
    pub negated: bool,
    #[serde(default)]
    pub hypothetical: bool,
    pub counts: Counts,
    /// The sentence the event was coded from (code-point offsets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<Sentence>,
}

/// A sentence: code-point offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// A token in the optional token layer of the output (`--tokens`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub norm: String,
    /// Clitic segmentation, "و+ب+ال+عراق", for Arabic words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<String>,
}

/// A canonical actor referenced by the document (so a reader needs no KB).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub actor_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

/// Metadata that came with the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One article being analysed. Annotators read the text layer and the
/// layers before theirs, and push into their own layer.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: Option<String>,
    /// Anchor date (YYYY-MM-DD) for relative time expressions.
    pub date: String,
    pub meta: Meta,
    text: String,
    /// Number of code points in `text`.
    char_len: usize,
    /// Byte/code-point conversions of every offset, built only when
    /// [`Doc::offsets`] is asked for: spans are converted through the
    /// tokens, which carry both offsets (see `byte_at`).
    offsets: OnceLock<OffsetMap>,
    pub tokens: Tokens,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub times: Vec<Time>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub actors: Vec<ActorRef>,
    /// Notes about the input (HTML stripped, lossy decoding…).
    pub warnings: Vec<String>,
}

impl Doc {
    /// Build a document and its text layer (tokens, sentences).
    pub fn new(text: impl Into<String>, date: impl Into<String>) -> Self {
        let text = text.into();
        let mut tokens = tokenize(&text);
        // (the tokens carry code-point offsets: only the text after the last one is counted)
        let char_len = match tokens.as_slice().last() {
            Some(t) => t.end as usize + text.get(t.byte_end as usize..).map_or(0, |rest| rest.chars().count()),
            None => text.chars().count(),
        };
        tokens.assign_word_ids();
        let sentences = split_sentences(&text, &tokens)
            .into_iter()
            .map(|r| Sentence { start: r.start, end: r.end })
            .collect();
        Doc {
            id: None,
            date: date.into(),
            meta: Meta::default(),
            text,
            char_len,
            offsets: OnceLock::new(),
            tokens,
            sentences,
            entities: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            actors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The exact input text.
    #[inline]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte/code-point conversions for this text.
    pub fn offsets(&self) -> &OffsetMap {
        self.offsets.get_or_init(|| OffsetMap::new(&self.text))
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of code point `c` (clamped to the text length).
    fn byte_at(&self, c: usize) -> usize {
        if c >= self.char_len {
            return self.text.len();
        }
        // The nearest token boundary at or before `c` (a token start, or the
        // end of the token before), then a walk of the few code points left
        // (a clitic inside a word, spaces after it).
        let tokens = self.tokens.as_slice();
        let i = tokens.partition_point(|t| (t.start as usize) <= c);
        let (from_char, from_byte) = match i.checked_sub(1).map(|j| &tokens[j]) {
            None => (0, 0),
            Some(t) if (t.end as usize) <= c => (t.end as usize, t.byte_end as usize),
            Some(t) => (t.start as usize, t.byte_start as usize),
        };
        match self.text[from_byte..].char_indices().nth(c - from_char) {
            Some((b, _)) => from_byte + b,
            None => self.text.len(),
        }
    }

    /// The text of a code-point span (clamped like [`OffsetMap::slice`]).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[self.byte_at(start)..self.byte_at(end.max(start))]
    }

    /// A span of the original text (code points, end exclusive, clamped).
    pub fn span(&self, start: usize, end: usize) -> Span {
        let end = end.min(self.char_len());
        let start = start.min(end);
        Span { start, end, text: self.slice(start, end).to_string() }
    }

    /// The span covered by tokens `first..last` (token indices, `last` exclusive).
    pub fn token_span(&self, first: usize, last: usize) -> Span {
        if first >= last || last > self.tokens.len() {
            let at = self.tokens.get(first).map(|t| t.start as usize).unwrap_or(self.char_len());
            return self.span(at, at);
        }
        // The tokens carry both offsets: no conversion needed.
        let (a, b) = (&self.tokens[first], &self.tokens[last - 1]);
        Span { start: a.start as usize, end: b.end as usize, text: self.text[a.byte_start as usize..b.byte_end as usize].to_string() }
    }

    /// Index of the sentence containing code-point offset `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    /// Token index range of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> std::ops::Range<usize> {
        let s = self.sentences[i];
        self.tokens.index_at(s.start)..self.tokens.index_at(s.end)
    }

    /// [`Doc::sentence_tokens`] of every sentence, in one forward walk over
    /// the tokens instead of two binary searches per sentence (sentences
    /// come in text order; a boundary behind the walk falls back to the
    /// search).
    pub fn sentence_token_ranges(&self) -> Vec<std::ops::Range<usize>> {
        let toks = self.tokens.as_slice();
        let mut k = 0;
        // the first token ending after `pos` (`Tokens::index_at`)
        let mut first_after = |pos: usize| {
            if k > 0 && toks[k - 1].end as usize > pos {
                return self.tokens.index_at(pos);
            }
            while k < toks.len() && toks[k].end as usize <= pos {
                k += 1;
            }
            k
        };
        self.sentences.iter().map(|s| first_after(s.start)..first_after(s.end)).collect()
    }

    /// Record a canonical actor once.
    pub fn add_actor(&mut self, actor: ActorRef) {
        if !self.actors.iter().any(|a| a.id == actor.id) {
            self.actors.push(actor);
        }
    }
}

/// One annotation layer. Implementations are built once (lexicons loaded,
/// automata compiled) and shared by all threads.
pub trait Annotator: Send + Sync {
    /// A short name for diagnostics ("entities", "times"…).
    fn name(&self) -> &'static str;
    /// Add this layer to `doc`.
    fn annotate(&self, doc: &mut Doc);
}

/// The serialisable form of a [`Doc`]: the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: String,
    pub id: Option<String>,
    pub date: String,
    #[serde(flatten)]
    pub meta: Meta,
    /// What the offsets refer to: "input" (the exact text given) or, for HTML
    /// input, "extracted-text" (the text extracted from the markup, given in `text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offsets: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub times: Vec<Time>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    #[serde(default)]
    pub actors: Vec<ActorRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenOut>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// What to include when turning a [`Doc`] into an [`Analysis`].
#[derive(Debug, Clone, Copy, Default)]
pub struct OutputOptions {
    /// Add the token layer.
    pub tokens: bool,
    /// Embed the analysed text (set for HTML input, where offsets refer to extracted text).
    pub embed_text: bool,
}

impl Doc {
    /// The output record of this document (consumes it: the layers are
    /// moved, not copied).
    pub fn into_analysis(self, opts: OutputOptions) -> Analysis {
        let tokens = opts.tokens.then(|| {
            self.tokens
                .iter()
                .enumerate()
                .map(|(i, t)| TokenOut {
                    start: t.start as usize,
                    end: t.end as usize,
                    text: self.tokens.text(&self.text, i).to_string(),
                    kind: t.kind.as_str().to_string(),
                    norm: self.tokens.norm(i).to_string(),
                    segments: (t.kind == marsad_text::TokenKind::Word)
                        .then(|| marsad_text::segment_word(self.tokens.text(&self.text, i)).to_plus_string()),
                })
                .collect()
        });
        Analysis {
            schema: SCHEMA.to_string(),
            id: self.id,
            date: self.date,
            meta: self.meta,
            offsets: opts.embed_text.then(|| "extracted-text".to_string()),
            text: opts.embed_text.then_some(self.text),
            sentences: self.sentences,
            entities: self.entities,
            times: self.times,
            quotes: self.quotes,
            events: self.events,
            actors: self.actors,
            tokens,
            warnings: self.warnings,
        }
    }
}

/// Shift every offset in `a` by `by` code points (used when a huge input is
/// analysed in chunks and the results are concatenated).
pub fn shift_analysis(a: &mut Analysis, by: usize) {
    for s in &mut a.sentences {
        s.start += by;
        s.end += by;
    }
    for e in &mut a.entities {
        e.start += by;
        e.end += by;
    }
    for t in &mut a.times {
        t.start += by;
        t.end += by;
    }
    let shift_span = |s: &mut Span| {
        s.start += by;
        s.end += by;
    };
    let shift_actor = |s: &mut ActorSpan| {
        s.start += by;
        s.end += by;
    };
    for q in &mut a.quotes {
        shift_span(&mut q.cue);
        shift_span(&mut q.content);
        if let Some(sp) = &mut q.speaker {
            sp.start += by;
            sp.end += by;
        }
        if let Some(v) = &mut q.via {
            shift_actor(v);
        }
    }
    for e in &mut a.events {
        shift_span(&mut e.trigger);
        for side in [&mut e.source, &mut e.target, &mut e.location].into_iter().flatten() {
            shift_actor(side);
        }
        if let Some(s) = &mut e.sentence {
            s.start += by;
            s.end += by;
        }
    }
    if let Some(tokens) = &mut a.tokens {
        for t in tokens {
            t.start += by;
            t.end += by;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_token_ranges_agree_with_sentence_tokens() {
        for text in ["", "كلمة", "قال الوزير. ثم غادر!\n\nوفي اليوم التالي، عاد؟ نعم… انتهى", "«جملة».  أخرى  . ."] {
            let doc = Doc::new(text, "2024-01-01");
            let expected: Vec<_> = (0..doc.sentences.len()).map(|s| doc.sentence_tokens(s)).collect();
            assert_eq!(doc.sentence_token_ranges(), expected, "{text}");
        }
    }

    /// Python-style slicing by code points, the contract every span keeps.
    fn char_slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end.saturating_sub(start)).collect()
    }

    #[test]
    fn every_span_slices_the_text_by_code_points() {
        // Words with clitics, diacritics, tatweel, several spaces, a line
        // break, punctuation, digits, Latin, an emoji and a zero-width joiner:
        // offsets inside tokens, between them and at both ends.
        let texts = [
            "وقال الرئيسُ  إنّ «العراق» سيـستضيف 2.5%\nالقمة 😀 U.S. في\u{200D}ها.",
            "  بداية بمسافات ",
            "",
            "abc",
        ];
        for text in texts {
            let doc = Doc::new(text, "2024-01-01");
            let n = text.chars().count();
            assert_eq!(doc.char_len(), n);
            for start in 0..=n + 2 {
                for end in 0..=n + 2 {
                    let (s, e) = (start.min(n), end.min(n));
                    assert_eq!(doc.slice(start, end), char_slice(text, s, e.max(s)), "{text:?} {start}..{end}");
                    assert_eq!(doc.offsets().slice(text, start, end), doc.slice(start, end));
                }
            }
            for first in 0..doc.tokens.len() {
                for last in first + 1..=doc.tokens.len() {
                    let span = doc.token_span(first, last);
                    assert_eq!(span.text, char_slice(text, span.start, span.end));
                    assert_eq!(span, doc.span(span.start, span.end));
                }
            }
        }
    }
}
